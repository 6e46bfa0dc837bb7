package io.dealflow.training.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import io.dealflow.platform.test.WordErrorRate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AudioClipTest {

  @Test
  void stereoWavAt8kHzBecomes16kHzMonoOfTheSameLength() {
    byte[] wav =
        AudioFixtures.wav(AudioFixtures.stereo(AudioFixtures.tone(440, 1.5, 8_000)), 8_000, 2);

    AudioClip clip = AudioClip.decode(wav, "wav", 0);

    assertThat(clip.sampleRate()).isEqualTo(16_000);
    assertThat(clip.length()).isCloseTo(Duration.ofMillis(1500), Duration.ofMillis(1));
    assertThat(clip.pcm().length / 2).isCloseTo(24_000, within(2));
    // The tone survives: it is still loud, and about 440 zero crossings... per half second x2.
    assertThat(Pcm.dbfs(clip.pcm(), 0, clip.pcm().length)).isGreaterThan(-20);
    assertThat(zeroCrossings(clip.pcm()) / 1.5).isCloseTo(880, offset(10.0));
  }

  @Test
  void rawPcmAt16kHzIsTakenAsItIs() {
    byte[] pcm = AudioFixtures.tone(300, 1, 16_000);

    AudioClip clip = AudioClip.decode(pcm, "pcm", 16_000);

    assertThat(clip.pcm()).isEqualTo(pcm);
    assertThat(clip.length()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void rawPcmAt48kHzIsResampled() {
    AudioClip clip = AudioClip.decode(AudioFixtures.tone(300, 2, 48_000), "pcm", 48_000);

    assertThat(clip.length()).isCloseTo(Duration.ofSeconds(2), Duration.ofMillis(1));
  }

  @Test
  void wavWrapsPcmSoItDecodesBack() {
    byte[] pcm = AudioFixtures.tone(300, 0.5, 16_000);

    assertThat(AudioClip.decode(AudioClip.wav(pcm), "wav", 16_000).pcm()).isEqualTo(pcm);
  }

  @Test
  void mp3MadeByTheEncoderDecodes() {
    byte[] speech = Engines.speak("could we schedule a meeting next tuesday");
    byte[] mp3 = Mp3.encode(speech, 16_000);

    AudioClip clip = AudioClip.decode(mp3, "mp3", 0);

    assertThat(clip.length()).isCloseTo(AudioClip.lengthOf(speech.length), Duration.ofMillis(200));
    assertThat(Pcm.dbfs(clip.pcm(), 0, clip.pcm().length))
        .isCloseTo(Pcm.dbfs(speech, 0, speech.length), offset(3.0));
  }

  @Test
  void mp3IsUnderstoodByVosk() {
    String sentence = "could we schedule a meeting next tuesday to talk about pricing";
    byte[] mp3 = Mp3.encode(Engines.speak(sentence), 16_000);

    Transcript transcript = Engines.vosk().transcribe(AudioClip.decode(mp3, "mp3", 0));

    assertThat(WordErrorRate.of(sentence, transcript.text())).isLessThanOrEqualTo(0.2);
  }

  @Test
  void garbageIsRefusedInEveryFormat() {
    byte[] garbage = new byte[4000];
    new Random(7).nextBytes(garbage);
    garbage[0] = 'x';

    assertThatThrownBy(() -> AudioClip.decode(garbage, "wav", 16_000))
        .isInstanceOf(InvalidAudioException.class)
        .hasMessageContaining("RIFF");
    assertThatThrownBy(() -> AudioClip.decode(garbage, "mp3", 16_000))
        .isInstanceOf(InvalidAudioException.class)
        .hasMessageContaining("MP3");
  }

  @Test
  void garbageAfterAFrameSyncIsRefusedAsMp3() {
    byte[] garbage = new byte[4000];
    new Random(11).nextBytes(garbage);
    garbage[0] = (byte) 0xFF;
    garbage[1] = (byte) 0xE0;

    assertThatThrownBy(() -> AudioClip.decode(garbage, "mp3", 16_000))
        .isInstanceOf(InvalidAudioException.class);
  }

  @Test
  void emptyAudioIsRefused() {
    assertThatThrownBy(() -> AudioClip.decode(new byte[0], "pcm", 16_000))
        .isInstanceOf(InvalidAudioException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> AudioClip.decode(AudioClip.wav(new byte[0]), "wav", 16_000))
        .isInstanceOf(InvalidAudioException.class)
        .hasMessageContaining("no samples");
  }

  @Test
  void aValidFirstFrameHeaderFollowedByGarbageIsRefusedAsMp3() {
    byte[] mp3 = Mp3.encode(AudioFixtures.tone(300, 1, 16_000), 16_000);
    byte[] forged = new byte[4000];
    new Random(13).nextBytes(forged);
    System.arraycopy(mp3, 0, forged, 0, 4);

    assertThatThrownBy(() -> AudioClip.decode(forged, "mp3", 16_000))
        .isInstanceOf(InvalidAudioException.class)
        .hasMessageContaining("second frame");
  }

  @Test
  void aTruncatedWavHeaderIsRefused() {
    byte[] wav = AudioClip.wav(AudioFixtures.tone(300, 0.5, 16_000));

    assertThatThrownBy(() -> AudioClip.decode(Arrays.copyOf(wav, 30), "wav", 16_000))
        .isInstanceOf(InvalidAudioException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> AudioClip.decode(Arrays.copyOf(wav, 8), "wav", 16_000))
        .isInstanceOf(InvalidAudioException.class);
  }

  @Test
  void eightBitWavIsRefused() {
    byte[] wav = AudioFixtures.wav(new byte[1600], 16_000, 1);
    wav[34] = 8;

    assertThatThrownBy(() -> AudioClip.decode(wav, "wav", 16_000))
        .isInstanceOf(InvalidAudioException.class)
        .hasMessageContaining("16-bit");
  }

  @Test
  void oddRawPcmUnknownFormatsAndRatesAreRefused() {
    assertThatThrownBy(() -> AudioClip.decode(new byte[3], "pcm", 16_000))
        .isInstanceOf(InvalidAudioException.class);
    assertThatThrownBy(() -> AudioClip.decode(new byte[4], "ogg", 16_000))
        .isInstanceOf(InvalidAudioException.class)
        .hasMessageContaining("ogg");
    assertThatThrownBy(() -> AudioClip.decode(new byte[4], "pcm", 96_000))
        .isInstanceOf(InvalidAudioException.class)
        .hasMessageContaining("96000");
  }

  @Test
  void tooLongAudioIsRefused() {
    byte[] threeMinutes = new byte[3 * 60 * 16_000 * 2];

    assertThatThrownBy(() -> AudioClip.decode(threeMinutes, "pcm", 16_000))
        .isInstanceOf(InvalidAudioException.class)
        .hasMessageContaining("longer");
  }

  @Test
  void audioSpecAcceptsWhatItDocumentsAndRefusesTheRest() {
    assertThat(AudioSpec.of(null, null, null)).isEqualTo(new AudioSpec(16_000, 1, "pcm"));
    assertThat(AudioSpec.of(44_100, 2, "WAV")).isEqualTo(new AudioSpec(44_100, 2, "wav"));
    assertThatThrownBy(() -> AudioSpec.of(16_000, 1, "opus"))
        .isInstanceOf(InvalidAudioException.class);
    assertThatThrownBy(() -> AudioSpec.of(16_000, 6, "pcm"))
        .isInstanceOf(InvalidAudioException.class);
    assertThatThrownBy(() -> AudioSpec.of(4_000, 1, "pcm"))
        .isInstanceOf(InvalidAudioException.class);
  }

  @Test
  void streamedResamplingMatchesResamplingTheWhole() {
    short[] samples = Pcm.mono(AudioFixtures.tone(500, 1, 44_100), 0, 88_200, 1);
    short[] whole = LinearResampler.resample(samples, 44_100, 16_000);

    LinearResampler streamed = new LinearResampler(44_100, 16_000);
    short[] pieces =
        concat(
            streamed.next(Arrays.copyOfRange(samples, 0, 1000)),
            streamed.next(Arrays.copyOfRange(samples, 1000, 1001)),
            streamed.next(Arrays.copyOfRange(samples, 1001, samples.length)));

    assertThat(pieces).isEqualTo(whole);
  }

  private static short[] concat(short[]... parts) {
    short[] all = new short[Arrays.stream(parts).mapToInt(part -> part.length).sum()];
    int at = 0;
    for (short[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  private static int zeroCrossings(byte[] pcm) {
    int crossings = 0;
    for (int i = 2; i < pcm.length; i += 2) {
      if ((Pcm.sample(pcm, i - 2) < 0) != (Pcm.sample(pcm, i) < 0)) {
        crossings++;
      }
    }
    return crossings;
  }
}
