package io.dealflow.training.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealflow.platform.test.WordErrorRate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoskTranscriptionTest {

  private static final String FIRST =
      "hello my name is john and I am calling about your sales training";
  private static final String SECOND =
      "could we schedule a meeting next tuesday to talk about pricing";

  @Test
  void speechThenSilenceGivesPartialsThenOneUtterance() {
    byte[] speech = Engines.speak(FIRST);
    byte[] audio = Engines.concat(speech, Engines.silence(Duration.ofSeconds(1)));

    List<SpeechEvent> events;
    try (Transcription transcription = Engines.vosk().open(AudioSpec.DEFAULT)) {
      events = feed(transcription, audio, 3200);
      assertThat(transcription.flush()).isEmpty();
    }

    List<SpeechEvent.Utterance> utterances = utterances(events);
    assertThat(utterances).hasSize(1);
    assertThat(events.getLast()).isInstanceOf(SpeechEvent.Utterance.class);
    assertThat(events.subList(0, events.size() - 1))
        .isNotEmpty()
        .allSatisfy(event -> assertThat(event).isInstanceOf(SpeechEvent.Partial.class));
    SpeechEvent.Utterance utterance = utterances.getFirst();
    assertThat(WordErrorRate.of(FIRST, utterance.text())).isLessThanOrEqualTo(0.2);
    assertThat(utterance.confidence()).isBetween(0.5, 1.0);
    assertThat(utterance.speechLength())
        .isCloseTo(AudioClip.lengthOf(speech.length), Duration.ofMillis(300));
  }

  @Test
  void twoUtterancesSeparatedBySilenceAreTwo() {
    byte[] audio =
        Engines.concat(
            Engines.speak(FIRST),
            Engines.silence(Duration.ofSeconds(1)),
            Engines.speak(SECOND),
            Engines.silence(Duration.ofSeconds(1)));

    List<SpeechEvent.Utterance> utterances;
    try (Transcription transcription = Engines.vosk().open(AudioSpec.DEFAULT)) {
      utterances = utterances(feed(transcription, audio, 3200));
    }

    assertThat(utterances).hasSize(2);
    assertThat(WordErrorRate.of(FIRST, utterances.get(0).text())).isLessThanOrEqualTo(0.2);
    assertThat(WordErrorRate.of(SECOND, utterances.get(1).text())).isLessThanOrEqualTo(0.2);
    assertThat(utterances.get(1).endedAt()).isAfterOrEqualTo(utterances.get(0).endedAt());
  }

  @Test
  void flushEndsAnUtteranceWithoutTrailingSilence() {
    try (Transcription transcription = Engines.vosk().open(AudioSpec.DEFAULT)) {
      List<SpeechEvent> events = feed(transcription, Engines.speak(SECOND), 3200);

      assertThat(utterances(events)).isEmpty();
      assertThat(transcription.flush())
          .hasValueSatisfying(
              utterance ->
                  assertThat(WordErrorRate.of(SECOND, utterance.text()))
                      .as(utterance.text())
                      .isLessThanOrEqualTo(0.2));
      assertThat(transcription.flush()).isEmpty();
    }
  }

  @Test
  void shorterSilenceThanEndSilenceKeepsOneUtterance() {
    byte[] audio =
        Engines.concat(
            Engines.speak("hello my name is john"),
            Engines.silence(Duration.ofMillis(300)),
            Engines.speak("I am calling about pricing"),
            Engines.silence(Duration.ofSeconds(1)));

    List<SpeechEvent.Utterance> utterances;
    try (Transcription transcription = Engines.vosk().open(AudioSpec.DEFAULT)) {
      utterances = utterances(feed(transcription, audio, 3200));
    }

    assertThat(utterances).singleElement();
    assertThat(
            WordErrorRate.of(
                "hello my name is john I am calling about pricing", utterances.getFirst().text()))
        .isLessThanOrEqualTo(0.2);
  }

  @Test
  void stereoWavAt48kHzWithAHeaderIsHeardToo() {
    byte[] speech16k =
        Engines.concat(Engines.speak(SECOND), Engines.silence(Duration.ofSeconds(1)));
    byte[] stereo48k = AudioFixtures.stereo(AudioFixtures.upsampleTriple(speech16k));
    byte[] wav = AudioFixtures.wav(stereo48k, 48_000, 2);

    List<SpeechEvent.Utterance> utterances;
    try (Transcription transcription = Engines.vosk().open(new AudioSpec(48_000, 2, "wav"))) {
      // 100 ms of 48 kHz stereo per chunk, plus an odd byte now and then to split sample frames.
      utterances = utterances(feed(transcription, wav, 19_201));
    }

    assertThat(utterances).singleElement();
    assertThat(WordErrorRate.of(SECOND, utterances.getFirst().text()))
        .as(utterances.getFirst().text())
        .isLessThanOrEqualTo(0.2);
  }

  @Test
  void silenceAloneGivesNothing() {
    try (Transcription transcription = Engines.vosk().open(AudioSpec.DEFAULT)) {
      assertThat(feed(transcription, Engines.silence(Duration.ofSeconds(3)), 3200)).isEmpty();
      assertThat(transcription.flush()).isEmpty();
    }
  }

  @Test
  void aClosedTranscriptionRefusesAudio() {
    Transcription transcription = Engines.vosk().open(AudioSpec.DEFAULT);
    transcription.close();

    assertThatThrownBy(() -> transcription.accept(new byte[3200]))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aWavHeaderThatContradictsTheSpecIsRefused() {
    try (Transcription transcription = Engines.vosk().open(new AudioSpec(16_000, 1, "wav"))) {
      byte[] wav = AudioFixtures.wav(new byte[3200], 8_000, 1);

      assertThatThrownBy(() -> transcription.accept(wav))
          .isInstanceOf(InvalidAudioException.class)
          .hasMessageContaining("8000");
    }
  }

  static List<SpeechEvent> feed(Transcription transcription, byte[] audio, int chunkBytes) {
    List<SpeechEvent> events = new ArrayList<>();
    for (int at = 0; at < audio.length; at += chunkBytes) {
      events.addAll(
          transcription.accept(
              Arrays.copyOfRange(audio, at, Math.min(audio.length, at + chunkBytes))));
    }
    return events;
  }

  static List<SpeechEvent.Utterance> utterances(List<SpeechEvent> events) {
    return events.stream()
        .filter(SpeechEvent.Utterance.class::isInstance)
        .map(SpeechEvent.Utterance.class::cast)
        .toList();
  }
}
