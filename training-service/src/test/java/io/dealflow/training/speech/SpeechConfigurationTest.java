package io.dealflow.training.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SpeechConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(SpeechConfiguration.class)
          .withPropertyValues("dealflow.training.speech.warm-up=false");

  @Test
  void offlineEnginesAreTheDefault() {
    context.run(
        started -> {
          assertThat(started.getBean(SpeechToText.class)).isInstanceOf(VoskSpeechToText.class);
          assertThat(started.getBean(TextToSpeech.class)).isInstanceOf(FreeTtsTextToSpeech.class);
          SpeechSettings settings = started.getBean(SpeechSettings.class);
          assertThat(settings.endSilence()).isEqualTo(Duration.ofMillis(600));
          assertThat(settings.poolSize()).isEqualTo(2);
          assertThat(settings).isEqualTo(SpeechSettings.defaults().withWarmUp(false));
        });
  }

  @Test
  void switchedOffEnginesExistButAnswerVoiceUnavailable() {
    context
        .withPropertyValues(
            "dealflow.training.speech.stt=none", "dealflow.training.speech.tts=none")
        .run(
            started -> {
              SpeechToText speechToText = started.getBean(SpeechToText.class);
              TextToSpeech textToSpeech = started.getBean(TextToSpeech.class);
              assertThatThrownBy(() -> speechToText.open(AudioSpec.DEFAULT))
                  .isInstanceOf(VoiceUnavailableException.class)
                  .hasMessageContaining("switched off");
              assertThatThrownBy(
                      () -> textToSpeech.synthesize("hi", Voices.NEUTRAL, 1, SpeechFormat.WAV))
                  .isInstanceOf(VoiceUnavailableException.class);
            });
  }

  @Test
  void openAiEnginesTakeTheirSettings() {
    context
        .withPropertyValues(
            "dealflow.training.speech.stt=openai",
            "dealflow.training.speech.tts=openai",
            "dealflow.training.speech.openai.base-url=http://127.0.0.1:1/v1",
            "dealflow.training.speech.openai.api-key=sk-test",
            "dealflow.training.speech.end-silence=800ms")
        .run(
            started -> {
              assertThat(started.getBean(SpeechToText.class).engine()).isEqualTo("openai");
              assertThat(started.getBean(TextToSpeech.class).engine()).isEqualTo("openai");
              assertThat(started.getBean(SpeechSettings.class).endSilence())
                  .isEqualTo(Duration.ofMillis(800));
            });
  }

  @Test
  void invalidSettingsStopTheStart() {
    context
        .withPropertyValues("dealflow.training.speech.pool-size=0")
        .run(started -> assertThat(started).hasFailed());
    context
        .withPropertyValues("dealflow.training.speech.end-silence=20ms")
        .run(started -> assertThat(started).hasFailed());
  }

  @Test
  void aModelThatCannotLoadIsVoiceUnavailableNotACrash(@TempDir Path folder) throws IOException {
    Path notAFolder = Files.writeString(folder.resolve("occupied"), "a file where the cache goes");
    VoskSpeechToText vosk =
        new VoskSpeechToText(
            SpeechSettings.defaults().withModelCache(notAFolder), Clock.systemUTC());

    assertThatThrownBy(vosk::warmUp).isInstanceOf(VoiceUnavailableException.class);
    assertThatThrownBy(() -> vosk.open(AudioSpec.DEFAULT))
        .isInstanceOf(VoiceUnavailableException.class)
        .hasMessageContaining("could not load");
  }

  @Test
  void warmUpLoadsTheEnginesAndCopiesTheModelOnce(@TempDir Path cache) throws Exception {
    context
        .withPropertyValues(
            "dealflow.training.speech.warm-up=true",
            "dealflow.training.speech.model-cache=" + cache)
        .run(
            started -> {
              assertThat(started).hasNotFailed();
              started
                  .getBean("speechWarmUp", ApplicationRunner.class)
                  .run(new DefaultApplicationArguments());
              try (var folders = Files.list(cache)) {
                assertThat(folders.map(path -> path.getFileName().toString()).toList())
                    .singleElement()
                    .asString()
                    .startsWith("dealflow-vosk-model-");
              }
            });
  }
}
