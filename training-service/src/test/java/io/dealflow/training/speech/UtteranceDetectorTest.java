package io.dealflow.training.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UtteranceDetectorTest {

  private final List<Duration> ended = new ArrayList<>();
  private int framesHeard;
  private final UtteranceDetector.Listener listener =
      new UtteranceDetector.Listener() {
        @Override
        public void speech(byte[] frame) {
          framesHeard++;
        }

        @Override
        public void ended(Duration speechLength) {
          ended.add(speechLength);
        }
      };

  @Test
  void quietRoomNoiseIsNotSpeech() {
    UtteranceDetector detector = detector(Duration.ofMillis(600));

    detector.push(noise(3, 0.002), listener);

    assertThat(framesHeard).isZero();
    assertThat(detector.inUtterance()).isFalse();
    assertThat(detector.flush(listener)).isEmpty();
  }

  @Test
  void speechEndsAfterTheConfiguredSilenceAndItsLengthLeavesTheSilenceOut() {
    UtteranceDetector detector = detector(Duration.ofMillis(600));

    detector.push(Engines.concat(AudioFixtures.tone(200, 1.0, 16_000), silence(590)), listener);
    assertThat(ended).isEmpty();
    assertThat(detector.inUtterance()).isTrue();

    detector.push(silence(20), listener);
    assertThat(ended).containsExactly(Duration.ofSeconds(1));
    assertThat(detector.inUtterance()).isFalse();
  }

  @Test
  void aShorterEndSilenceCutsAtShorterPauses() {
    byte[] twoPhrases =
        Engines.concat(
            AudioFixtures.tone(200, 0.5, 16_000),
            silence(400),
            AudioFixtures.tone(200, 0.5, 16_000),
            silence(700));

    UtteranceDetector patient = detector(Duration.ofMillis(600));
    patient.push(twoPhrases, listener);
    assertThat(ended).containsExactly(Duration.ofMillis(1400));

    ended.clear();
    UtteranceDetector quick = detector(Duration.ofMillis(300));
    quick.push(twoPhrases, listener);
    assertThat(ended).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
  }

  @Test
  void aMonologueIsCutAtTheLongestUtterance() {
    UtteranceDetector detector =
        new UtteranceDetector(Duration.ofMillis(600), -40, Duration.ofSeconds(2));

    detector.push(AudioFixtures.tone(200, 5, 16_000), listener);

    assertThat(ended).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    assertThat(detector.flush(listener)).contains(Duration.ofSeconds(1));
  }

  @Test
  void chunksOfAnySizeGiveTheSameResult() {
    byte[] audio = Engines.concat(silence(300), AudioFixtures.tone(200, 0.7, 16_000), silence(700));
    UtteranceDetector detector = detector(Duration.ofMillis(600));

    for (int at = 0; at < audio.length; at += 333) {
      detector.push(Arrays.copyOfRange(audio, at, Math.min(audio.length, at + 333)), listener);
    }

    assertThat(ended).containsExactly(Duration.ofMillis(700));
  }

  private static UtteranceDetector detector(Duration endSilence) {
    return new UtteranceDetector(endSilence, -40, Duration.ofSeconds(30));
  }

  private static byte[] silence(int millis) {
    return Engines.silence(Duration.ofMillis(millis));
  }

  /** White noise at the given fraction of full scale (0.002 is about -54 dBFS). */
  private static byte[] noise(double seconds, double level) {
    Random random = new Random(3);
    short[] samples = new short[(int) (seconds * 16_000)];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) (random.nextGaussian() * level * 32768);
    }
    return Pcm.bytes(samples);
  }
}
