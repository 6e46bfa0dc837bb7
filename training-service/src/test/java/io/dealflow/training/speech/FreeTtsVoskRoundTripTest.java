package io.dealflow.training.speech;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.WordErrorRate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FreeTtsVoskRoundTripTest {

  private static final List<String> SENTENCES =
      List.of(
          "hello my name is john and I am calling about your sales training",
          "could we schedule a meeting next tuesday to talk about pricing",
          "our budget is tight this year but the team needs better coaching",
          "we already work with another vendor and we are happy with them",
          "send me a proposal and I will share it with my manager");

  @Test
  void voskUnderstandsWhatFreeTtsSays() {
    int words = 0;
    double errors = 0;
    for (String sentence : SENTENCES) {
      Speech speech =
          Engines.freeTts().synthesize(sentence, Voices.PROFESSIONAL_MALE, 1.0, SpeechFormat.WAV);

      Transcript transcript =
          Engines.vosk().transcribe(AudioClip.decode(speech.bytes(), "wav", 16_000));

      double rate = WordErrorRate.of(sentence, transcript.text());
      System.out.printf("WER %.2f said '%s' heard '%s'%n", rate, sentence, transcript.text());
      int said = WordErrorRate.words(sentence).size();
      words += said;
      errors += rate * said;
      assertThat(transcript.confidence()).isBetween(0.5, 1.0);
      assertThat(transcript.audioLength()).isEqualTo(speech.duration());
    }
    System.out.printf("WER over %d words: %.3f%n", words, errors / words);
    assertThat(errors / words).isLessThanOrEqualTo(0.2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hello my name is john and I am calling about your sales training",
        "could we schedule a meeting next tuesday to talk about pricing"
      })
  void eachSentenceOfTheBriefIsUnderstood(String sentence) {
    Speech speech =
        Engines.freeTts().synthesize(sentence, Voices.PROFESSIONAL_MALE, 1.0, SpeechFormat.WAV);

    Transcript transcript =
        Engines.vosk().transcribe(AudioClip.decode(speech.bytes(), "wav", 16_000));

    assertThat(WordErrorRate.of(sentence, transcript.text()))
        .as("heard '%s'", transcript.text())
        .isLessThanOrEqualTo(0.2);
  }

  @ParameterizedTest
  @ValueSource(strings = {Voices.PROFESSIONAL_FEMALE, Voices.FRIENDLY_MALE, Voices.NEUTRAL})
  void everyVoiceStaysUnderstandable(String voice) {
    String sentence = "could we schedule a meeting next tuesday to talk about pricing";
    Speech speech = Engines.freeTts().synthesize(sentence, voice, 1.0, SpeechFormat.WAV);

    Transcript transcript =
        Engines.vosk().transcribe(AudioClip.decode(speech.bytes(), "wav", 16_000));

    assertThat(WordErrorRate.of(sentence, transcript.text()))
        .as("heard '%s'", transcript.text())
        .isLessThanOrEqualTo(0.2);
  }

  @Test
  void silenceTranscribesToNothing() {
    Transcript transcript =
        Engines.vosk().transcribe(new AudioClip(Engines.silence(Duration.ofSeconds(2))));

    assertThat(transcript.text()).isEmpty();
    assertThat(transcript.confidence()).isZero();
  }

  @Test
  void measuresSpeed() {
    Engines.vosk().warmUp();
    Engines.freeTts().synthesize("warm up", Voices.NEUTRAL, 1.0, SpeechFormat.WAV);
    String reply =
        "That sounds interesting, but we already work with another vendor. "
            + "What would make your training different from what we have today?";

    long ttsStart = System.nanoTime();
    Speech speech =
        Engines.freeTts().synthesize(reply, Voices.PROFESSIONAL_FEMALE, 1.0, SpeechFormat.WAV);
    long ttsMillis = (System.nanoTime() - ttsStart) / 1_000_000;
    long mp3Start = System.nanoTime();
    Engines.freeTts().synthesize(reply, Voices.PROFESSIONAL_FEMALE, 1.0, SpeechFormat.MP3);
    long mp3Millis = (System.nanoTime() - mp3Start) / 1_000_000;

    AudioClip fiveSeconds =
        new AudioClip(
            Arrays.copyOf(
                Engines.concat(
                    Engines.speak(
                        "hello my name is john and I am calling about your sales training"),
                    Engines.speak(
                        "could we schedule a meeting next tuesday to talk about pricing")),
                5 * 16_000 * 2));
    long sttStart = System.nanoTime();
    Engines.vosk().transcribe(fiveSeconds);
    long sttMillis = (System.nanoTime() - sttStart) / 1_000_000;

    System.out.printf(
        "SPEED freetts: %d ms for a %d ms two-sentence reply (WAV), %d ms as MP3;"
            + " vosk: %d ms for a 5000 ms clip, real-time factor %.2f%n",
        ttsMillis, speech.duration().toMillis(), mp3Millis, sttMillis, sttMillis / 5000.0);
    assertThat(speech.duration()).isGreaterThan(Duration.ofSeconds(3));
  }
}
