package io.dealflow.training.speech;

/**
 * Converts a stream of mono samples from one rate to another by linear interpolation, block by
 * block. Positions are kept as whole sample counts, so a stream cut into chunks resamples exactly
 * as the whole would. No low-pass filter: good enough for speech recognition, which only looks
 * below 8 kHz anyway.
 */
final class LinearResampler {

  private final int fromRate;
  private final int toRate;
  private long produced;
  private long consumed;
  private short previous;

  LinearResampler(int fromRate, int toRate) {
    this.fromRate = fromRate;
    this.toRate = toRate;
  }

  static short[] resample(short[] samples, int fromRate, int toRate) {
    return fromRate == toRate ? samples : new LinearResampler(fromRate, toRate).next(samples);
  }

  short[] next(short[] block) {
    if (fromRate == toRate || block.length == 0) {
      return block;
    }
    // Output sample k sits at input position k * fromRate / toRate; index -1 is the last sample
    // of the block before.
    long end = consumed + block.length;
    long last = ((end - 1) * toRate - 1) / fromRate;
    int count = (int) Math.max(0, last + 1 - produced);
    short[] out = new short[count];
    for (int i = 0; i < count; i++, produced++) {
      long scaled = produced * fromRate;
      int index = (int) (scaled / toRate - consumed);
      double fraction = (double) (scaled % toRate) / toRate;
      int from = index < 0 ? previous : block[index];
      int to = index + 1 < block.length ? block[index + 1] : from;
      out[i] = (short) Math.round(from + (to - from) * fraction);
    }
    previous = block[block.length - 1];
    consumed = end;
    return out;
  }
}
