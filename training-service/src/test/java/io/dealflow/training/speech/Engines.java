package io.dealflow.training.speech;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/** The real offline engines, created once per test JVM: the Vosk model takes a second to load. */
final class Engines {

  private static final SpeechSettings SETTINGS = SpeechSettings.defaults();
  private static final VoskSpeechToText VOSK = new VoskSpeechToText(SETTINGS, Clock.systemUTC());
  private static final FreeTtsTextToSpeech FREETTS = new FreeTtsTextToSpeech(SETTINGS);

  private Engines() {}

  static VoskSpeechToText vosk() {
    return VOSK;
  }

  static FreeTtsTextToSpeech freeTts() {
    return FREETTS;
  }

  /**
   * 16 kHz mono PCM of a sentence in the default voice, without the quiet FreeTTS puts before and
   * after it, so a test's silences are exactly as long as it says.
   */
  static byte[] speak(String text) {
    Speech speech = FREETTS.synthesize(text, Voices.PROFESSIONAL_MALE, 1.0, SpeechFormat.WAV);
    return trimmed(AudioClip.decode(speech.bytes(), "wav", AudioClip.SAMPLE_RATE).pcm());
  }

  /** The audio between the first and the last loud sample. */
  static byte[] trimmed(byte[] pcm) {
    int first = 0;
    int last = pcm.length / 2 - 1;
    while (first < last && Math.abs(Pcm.sample(pcm, 2 * first)) < 300) {
      first++;
    }
    while (last > first && Math.abs(Pcm.sample(pcm, 2 * last)) < 300) {
      last--;
    }
    return Arrays.copyOfRange(pcm, 2 * first, 2 * last + 2);
  }

  static byte[] silence(Duration length) {
    return new byte[(int) (length.toMillis() * AudioClip.SAMPLE_RATE / 1000) * 2];
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
