package io.dealflow.training.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FreeTtsTextToSpeechTest {

  private static final String TEXT = "thanks for calling, how can I help you today";

  @Test
  void wavIs16kHzMonoAndItsDurationMatchesItsSamples() {
    Speech speech = Engines.freeTts().synthesize(TEXT, Voices.NEUTRAL, 1.0, SpeechFormat.WAV);

    WavHeader header = WavHeader.parse(speech.bytes());
    assertThat(header.sampleRate()).isEqualTo(16_000);
    assertThat(header.channels()).isEqualTo(1);
    assertThat(speech.duration()).isEqualTo(AudioClip.lengthOf(header.dataLength()));
    assertThat(speech.duration()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(5));
    assertThat(speech.format().contentType()).isEqualTo("audio/wav");
  }

  @Test
  void mp3IsAValidStreamOfTheSameDuration() {
    Speech wav = Engines.freeTts().synthesize(TEXT, Voices.NEUTRAL, 1.0, SpeechFormat.WAV);
    Speech mp3 = Engines.freeTts().synthesize(TEXT, Voices.NEUTRAL, 1.0, SpeechFormat.MP3);

    byte[] bytes = mp3.bytes();
    assertThat(bytes[0] & 0xFF).isEqualTo(0xFF);
    assertThat(bytes[1] & 0xE0).isEqualTo(0xE0);
    assertThat(mp3.format().contentType()).isEqualTo("audio/mpeg");
    assertThat(mp3.duration()).isEqualTo(wav.duration());
    // 32 kbps is 4 kB a second, plus a frame or two of padding.
    assertThat(bytes.length / 4000.0).isCloseTo(mp3.duration().toMillis() / 1000.0, offset(0.3));
    assertThat(AudioClip.decode(bytes, "mp3", 0).length())
        .isCloseTo(mp3.duration(), Duration.ofMillis(200));
  }

  @Test
  void voicesSoundDifferentAndSpeedChangesThePace() {
    Speech professional =
        Engines.freeTts().synthesize(TEXT, Voices.PROFESSIONAL_FEMALE, 1.0, SpeechFormat.WAV);
    Speech friendly =
        Engines.freeTts().synthesize(TEXT, Voices.FRIENDLY_MALE, 1.0, SpeechFormat.WAV);
    Speech fast = Engines.freeTts().synthesize(TEXT, Voices.FRIENDLY_MALE, 2.0, SpeechFormat.WAV);

    assertThat(professional.bytes()).isNotEqualTo(friendly.bytes());
    assertThat(fast.duration().toMillis()).isLessThan(friendly.duration().toMillis() * 7 / 10);
  }

  @Test
  void unknownVoicesSpeedsOutOfRangeAndBadTextsAreRefused() {
    assertThatThrownBy(() -> Engines.freeTts().synthesize(TEXT, "robot", 1.0, SpeechFormat.WAV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("professional_female, professional_male");
    assertThatThrownBy(
            () -> Engines.freeTts().synthesize(TEXT, Voices.NEUTRAL, 2.5, SpeechFormat.WAV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.5");
    assertThatThrownBy(
            () -> Engines.freeTts().synthesize("   ", Voices.NEUTRAL, 1.0, SpeechFormat.WAV))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                Engines.freeTts()
                    .synthesize("a".repeat(1001), Voices.NEUTRAL, 1.0, SpeechFormat.WAV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1000");
  }

  @Test
  void concurrentRepliesDoNotMixTheirAudio() throws Exception {
    byte[] alone =
        Engines.freeTts().synthesize(TEXT, Voices.NEUTRAL, 1.0, SpeechFormat.MP3).bytes();
    Callable<byte[]> reply =
        () -> Engines.freeTts().synthesize(TEXT, Voices.NEUTRAL, 1.0, SpeechFormat.MP3).bytes();

    try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
      List<Future<byte[]>> replies = threads.invokeAll(List.of(reply, reply, reply, reply));
      for (Future<byte[]> each : replies) {
        assertThat(each.get()).isEqualTo(alone);
      }
    }
  }

  @Test
  void numbersSymbolsAndNonAsciiTextAreSpokenNotRefused() {
    Speech speech =
        Engines.freeTts()
            .synthesize(
                "It's $1,500 a seat — 20% off until 12/31, café prices! \uD83D\uDE00 OK?",
                Voices.FRIENDLY_FEMALE, 1.0, SpeechFormat.WAV);

    assertThat(speech.duration()).isGreaterThan(Duration.ofSeconds(2));
  }

  @Test
  void wireNamesMapToFormats() {
    assertThat(SpeechFormat.fromWire("MP3")).isEqualTo(SpeechFormat.MP3);
    assertThat(SpeechFormat.WAV.wireName()).isEqualTo("wav");
    assertThatThrownBy(() -> SpeechFormat.fromWire("ogg"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
