package io.dealflow.training.speech;

/** What the text-to-speech engines share: checking the text, packaging the samples. */
final class SpeechText {

  private SpeechText() {}

  static String require(String text, int maxLength) {
    String words = text.strip();
    if (words.isEmpty()) {
      throw new IllegalArgumentException("There is no text to speak");
    }
    if (words.length() > maxLength) {
      throw new IllegalArgumentException(
          "Text of " + words.length() + " characters is longer than " + maxLength);
    }
    return words;
  }

  /** 16 kHz mono PCM as a file in {@code format}; the duration is the samples', not the file's. */
  static Speech encode(byte[] pcm, SpeechFormat format) {
    byte[] bytes =
        switch (format) {
          case WAV -> AudioClip.wav(pcm);
          case MP3 -> Mp3.encode(pcm, AudioClip.SAMPLE_RATE);
        };
    return new Speech(bytes, format, AudioClip.lengthOf(pcm.length));
  }
}
