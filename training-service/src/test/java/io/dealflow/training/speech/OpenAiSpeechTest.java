package io.dealflow.training.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenAiSpeechTest {

  private final AudioApiStub stub = AudioApiStub.start();

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void transcriptionPostsTheClipAsWavWithModelAndKey() {
    stub.answer(200, "{\"text\":\"Hello there.\"}");
    AudioClip clip = new AudioClip(AudioFixtures.tone(300, 1, 16_000));

    Transcript transcript = speechToText("sk-test", Duration.ofSeconds(5)).transcribe(clip);

    assertThat(transcript.text()).isEqualTo("Hello there.");
    assertThat(transcript.confidence()).isEqualTo(1.0);
    assertThat(transcript.audioLength()).isEqualTo(Duration.ofSeconds(1));
    AudioApiStub.Request request = stub.requests().getFirst();
    assertThat(request.path()).isEqualTo("/v1/audio/transcriptions");
    assertThat(request.authorization()).isEqualTo("Bearer sk-test");
    assertThat(request.contentType()).startsWith("multipart/form-data; boundary=");
    assertThat(request.text())
        .contains("name=\"model\"\r\n\r\nwhisper-1\r\n")
        .contains("name=\"file\"; filename=\"audio.wav\"")
        .contains("Content-Type: audio/wav")
        .contains("RIFF");
    assertThat(request.body().length).isGreaterThan(clip.pcm().length);
  }

  @Test
  void logprobsBecomeTheConfidence() {
    stub.answer(200, "{\"text\":\"yes\",\"logprobs\":[{\"token\":\"yes\",\"logprob\":-0.10536}]}");

    Transcript transcript =
        speechToText(null, Duration.ofSeconds(5))
            .transcribe(new AudioClip(AudioFixtures.tone(300, 1, 16_000)));

    assertThat(transcript.confidence()).isCloseTo(0.9, offset(0.001));
    assertThat(stub.requests().getFirst().authorization()).isNull();
  }

  @Test
  void streamingSendsEachUtteranceWhenItEnds() {
    stub.answer(200, "{\"text\":\"could we meet on tuesday\"}");
    byte[] audio =
        Engines.concat(
            AudioFixtures.tone(220, 1.2, 16_000),
            Engines.silence(Duration.ofSeconds(1)),
            AudioFixtures.tone(220, 0.8, 16_000),
            Engines.silence(Duration.ofSeconds(1)));

    List<SpeechEvent> events;
    try (Transcription transcription =
        speechToText("sk-test", Duration.ofSeconds(5)).open(AudioSpec.DEFAULT)) {
      events = VoskTranscriptionTest.feed(transcription, audio, 3200);
    }

    assertThat(events)
        .hasSize(2)
        .allSatisfy(event -> assertThat(event).isInstanceOf(SpeechEvent.Utterance.class));
    assertThat(((SpeechEvent.Utterance) events.getFirst()).speechLength())
        .isCloseTo(Duration.ofMillis(1200), Duration.ofMillis(40));
    assertThat(stub.requests()).hasSize(2);
    // Each request holds its utterance (plus the closing silence), not the whole call.
    assertThat(stub.requests().get(1).body().length).isLessThan(2 * 32_000);
  }

  @Test
  void errorStatusesAndTimeoutsAreVoiceUnavailable() {
    stub.answer(500, "{\"error\":{\"message\":\"boom\"}}");
    AudioClip clip = new AudioClip(AudioFixtures.tone(300, 1, 16_000));

    assertThatThrownBy(() -> speechToText("sk-secret", Duration.ofSeconds(5)).transcribe(clip))
        .isInstanceOf(VoiceUnavailableException.class)
        .hasMessageContaining("500")
        .hasMessageNotContaining("sk-secret");

    stub.answer(200, "{\"text\":\"late\"}").delay(1500);
    assertThatThrownBy(() -> speechToText("sk-test", Duration.ofMillis(300)).transcribe(clip))
        .isInstanceOf(VoiceUnavailableException.class);
  }

  @Test
  void anUnreachableApiIsVoiceUnavailable() {
    stub.close();
    SpeechSettings settings =
        SpeechSettings.defaults()
            .withOpenAi(SpeechSettings.OpenAi.defaults().at(stub.baseUrl(), "sk-test"));

    assertThatThrownBy(
            () ->
                new OpenAiTextToSpeech(settings, "sk-test")
                    .synthesize("hello", Voices.NEUTRAL, 1.0, SpeechFormat.MP3))
        .isInstanceOf(VoiceUnavailableException.class)
        .hasMessageContaining("could not be reached");
  }

  @Test
  void speechPostsTheDocumentedJsonAndReadsTheDurationFromTheAudio() {
    byte[] wav = AudioFixtures.wav(AudioFixtures.tone(300, 1.5, 24_000), 24_000, 1);
    stub.answer(200, wav);

    Speech speech =
        textToSpeech().synthesize("  Hello there.  ", Voices.FRIENDLY_MALE, 1.25, SpeechFormat.WAV);

    assertThat(speech.bytes()).isEqualTo(wav);
    assertThat(speech.duration()).isCloseTo(Duration.ofMillis(1500), Duration.ofMillis(1));
    AudioApiStub.Request request = stub.requests().getFirst();
    assertThat(request.path()).isEqualTo("/v1/audio/speech");
    assertThat(request.authorization()).isEqualTo("Bearer sk-test");
    JsonNode body = JsonMapper.builder().build().readTree(request.body());
    assertThat(body.path("model").asString()).isEqualTo("tts-1");
    assertThat(body.path("input").asString()).isEqualTo("Hello there.");
    assertThat(body.path("voice").asString()).isEqualTo("echo");
    assertThat(body.path("response_format").asString()).isEqualTo("wav");
    assertThat(body.path("speed").asDouble()).isEqualTo(1.25);
  }

  @Test
  void speechAnsweredWithAnErrorOrNonAudioIsVoiceUnavailable() {
    stub.answer(429, "{\"error\":{\"message\":\"rate limited\"}}");
    assertThatThrownBy(
            () -> textToSpeech().synthesize("hello", Voices.NEUTRAL, 1.0, SpeechFormat.MP3))
        .isInstanceOf(VoiceUnavailableException.class)
        .hasMessageContaining("429");

    stub.answer(200, "<html>not audio</html>");
    assertThatThrownBy(
            () -> textToSpeech().synthesize("hello", Voices.NEUTRAL, 1.0, SpeechFormat.MP3))
        .isInstanceOf(VoiceUnavailableException.class)
        .hasMessageContaining("not mp3");
  }

  @Test
  void speechRefusesUnknownVoicesBeforeCalling() {
    assertThatThrownBy(() -> textToSpeech().synthesize("hello", "nova", 1.0, SpeechFormat.MP3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(stub.requests()).isEmpty();
  }

  private OpenAiSpeechToText speechToText(String key, Duration timeout) {
    SpeechSettings.OpenAi api = SpeechSettings.OpenAi.defaults().at(stub.baseUrl(), key);
    api =
        new SpeechSettings.OpenAi(
            api.baseUrl(),
            api.apiKey(),
            api.sttModel(),
            api.ttsModel(),
            api.connectTimeout(),
            timeout);
    return new OpenAiSpeechToText(
        SpeechSettings.defaults().withOpenAi(api), key, Clock.systemUTC());
  }

  private OpenAiTextToSpeech textToSpeech() {
    SpeechSettings settings =
        SpeechSettings.defaults()
            .withOpenAi(SpeechSettings.OpenAi.defaults().at(stub.baseUrl(), "sk-test"));
    return new OpenAiTextToSpeech(settings, "sk-test");
  }
}
