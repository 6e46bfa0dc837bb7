package io.dealflow.training.speech;

/** Conversions between 16-bit little-endian PCM bytes and samples. */
final class Pcm {

  private Pcm() {}

  /** Interleaved s16le frames to mono samples; two channels are averaged. */
  static short[] mono(byte[] bytes, int offset, int length, int channels) {
    int frameSize = 2 * channels;
    short[] samples = new short[length / frameSize];
    for (int i = 0; i < samples.length; i++) {
      int at = offset + i * frameSize;
      int sum = 0;
      for (int channel = 0; channel < channels; channel++) {
        sum += sample(bytes, at + 2 * channel);
      }
      samples[i] = (short) (sum / channels);
    }
    return samples;
  }

  static byte[] bytes(short[] samples) {
    byte[] bytes = new byte[samples.length * 2];
    for (int i = 0; i < samples.length; i++) {
      bytes[2 * i] = (byte) samples[i];
      bytes[2 * i + 1] = (byte) (samples[i] >> 8);
    }
    return bytes;
  }

  static short sample(byte[] bytes, int at) {
    return (short) ((bytes[at] & 0xFF) | (bytes[at + 1] << 8));
  }

  /** Loudness of a stretch of s16le audio in dB relative to full scale; silence is -infinity. */
  static double dbfs(byte[] bytes, int offset, int length) {
    int count = length / 2;
    if (count == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double sum = 0;
    for (int i = 0; i < count; i++) {
      double value = sample(bytes, offset + 2 * i);
      sum += value * value;
    }
    return 20 * Math.log10(Math.sqrt(sum / count) / 32768.0);
  }
}
