package io.dealflow.training.speech;

import com.sun.speech.freetts.audio.AudioPlayer;
import java.io.ByteArrayOutputStream;
import javax.sound.sampled.AudioFormat;

/** A FreeTTS audio "player" that keeps the samples in memory instead of playing them. */
final class BufferAudioPlayer implements AudioPlayer {

  private final ByteArrayOutputStream samples = new ByteArrayOutputStream();
  private AudioFormat format = new AudioFormat(AudioClip.SAMPLE_RATE, 16, 1, true, true);

  /** What was spoken since the last call, as 16 kHz mono s16le; the buffer starts empty again. */
  byte[] take() {
    byte[] raw = samples.toByteArray();
    samples.reset();
    int channels = format.getChannels();
    byte[] littleEndian = raw;
    if (format.isBigEndian()) {
      littleEndian = new byte[raw.length - raw.length % 2];
      for (int i = 0; i + 1 < raw.length; i += 2) {
        littleEndian[i] = raw[i + 1];
        littleEndian[i + 1] = raw[i];
      }
    }
    short[] mono = Pcm.mono(littleEndian, 0, littleEndian.length, channels);
    return Pcm.bytes(
        LinearResampler.resample(mono, (int) format.getSampleRate(), AudioClip.SAMPLE_RATE));
  }

  @Override
  public void setAudioFormat(AudioFormat format) {
    if (format.getSampleSizeInBits() != 16) {
      throw new IllegalStateException("FreeTTS produced " + format + "; 16-bit was expected");
    }
    this.format = format;
  }

  @Override
  public AudioFormat getAudioFormat() {
    return format;
  }

  @Override
  public boolean write(byte[] audio) {
    return write(audio, 0, audio.length);
  }

  @Override
  public boolean write(byte[] audio, int offset, int length) {
    samples.write(audio, offset, length);
    return true;
  }

  @Override
  public void reset() {
    samples.reset();
  }

  @Override
  public void cancel() {
    samples.reset();
  }

  // The rest of the player interface is about a real audio line, which there is none of.

  @Override
  public void pause() {}

  @Override
  public void resume() {}

  @Override
  public boolean drain() {
    return true;
  }

  @Override
  public void begin(int size) {}

  @Override
  public boolean end() {
    return true;
  }

  @Override
  public void close() {}

  @Override
  public float getVolume() {
    return 1;
  }

  @Override
  public void setVolume(float volume) {}

  @Override
  public long getTime() {
    return 0;
  }

  @Override
  public void resetTime() {}

  @Override
  public void startFirstSampleTimer() {}

  @Override
  public void showMetrics() {}
}
