package io.dealflow.training.speech;

import java.time.Duration;
import java.util.Locale;

/**
 * Audio ready for recognition: 16-bit little-endian mono PCM at 16 kHz, whatever it arrived as.
 * {@link #decode} turns an upload into one and refuses anything it cannot read with an {@link
 * InvalidAudioException}.
 */
public final class AudioClip {

  /** The one rate clips hold, the rate the speech models were trained on. */
  public static final int SAMPLE_RATE = 16_000;

  /** The longest clip {@link #decode} accepts: a single turn in a call, with room to spare. */
  public static final Duration MAX_LENGTH = Duration.ofMinutes(2);

  /** Rates accepted for raw and WAV input. */
  public static final int MIN_INPUT_RATE = 8_000;

  public static final int MAX_INPUT_RATE = 48_000;

  private static final int MAX_SAMPLES = (int) (MAX_LENGTH.toSeconds() * SAMPLE_RATE);

  private final byte[] pcm;

  /** Wraps 16 kHz mono s16le PCM (not copied). */
  public AudioClip(byte[] pcm) {
    if (pcm.length % 2 != 0) {
      throw new InvalidAudioException("16-bit PCM must have an even number of bytes");
    }
    this.pcm = pcm;
  }

  /**
   * Decodes an upload.
   *
   * @param format {@code pcm} (raw s16le, one channel, at {@code sampleRate}), {@code wav} (16-bit
   *     PCM, mono or stereo, any rate from 8 to 48 kHz; the header decides and {@code sampleRate}
   *     is ignored) or {@code mp3} (any MPEG layer III stream jump3r decodes; {@code sampleRate}
   *     ignored)
   * @throws InvalidAudioException for an unknown format, empty, unreadable or too long audio
   */
  public static AudioClip decode(byte[] bytes, String format, int sampleRate) {
    if (bytes.length == 0) {
      throw new InvalidAudioException("Audio is empty");
    }
    AudioClip clip =
        switch (format.toLowerCase(Locale.ROOT)) {
          case "pcm", "raw", "s16le" -> fromPcm(bytes, sampleRate);
          case "wav", "wave" -> fromWav(bytes);
          case "mp3", "mpeg" -> fromMp3(bytes);
          default ->
              throw new InvalidAudioException(
                  "Unsupported audio format '" + format + "': use pcm, wav or mp3");
        };
    if (clip.pcm.length == 0) {
      throw new InvalidAudioException("Audio holds no samples");
    }
    return clip;
  }

  /** Wraps 16 kHz mono s16le PCM in a WAV header. */
  public static byte[] wav(byte[] pcm16k) {
    byte[] header = WavHeader.write(pcm16k.length, SAMPLE_RATE);
    byte[] wav = new byte[header.length + pcm16k.length];
    System.arraycopy(header, 0, wav, 0, header.length);
    System.arraycopy(pcm16k, 0, wav, header.length, pcm16k.length);
    return wav;
  }

  /** The samples as s16le bytes; the array is shared, not copied: do not change it. */
  public byte[] pcm() {
    return pcm;
  }

  public int sampleRate() {
    return SAMPLE_RATE;
  }

  public Duration length() {
    return lengthOf(pcm.length);
  }

  /** This clip as a WAV file. */
  public byte[] wav() {
    return wav(pcm);
  }

  static Duration lengthOf(int pcmBytes) {
    return Duration.ofNanos(pcmBytes / 2 * 1_000_000_000L / SAMPLE_RATE);
  }

  static void requireRate(int sampleRate) {
    if (sampleRate < MIN_INPUT_RATE || sampleRate > MAX_INPUT_RATE) {
      throw new InvalidAudioException(
          "Sample rate "
              + sampleRate
              + " Hz is not supported: use "
              + MIN_INPUT_RATE
              + " to "
              + MAX_INPUT_RATE
              + " Hz");
    }
  }

  private static AudioClip fromPcm(byte[] bytes, int sampleRate) {
    requireRate(sampleRate);
    if (bytes.length % 2 != 0) {
      throw new InvalidAudioException("Raw PCM must be 16-bit: it has an odd number of bytes");
    }
    return fromSamples(Pcm.mono(bytes, 0, bytes.length, 1), sampleRate);
  }

  private static AudioClip fromWav(byte[] bytes) {
    WavHeader header = WavHeader.parse(bytes);
    requireRate(header.sampleRate());
    return fromSamples(
        Pcm.mono(bytes, header.dataOffset(), header.dataLength(), header.channels()),
        header.sampleRate());
  }

  private static AudioClip fromMp3(byte[] bytes) {
    Mp3.Decoded decoded = Mp3.decode(bytes, MAX_SAMPLES * 3);
    requireRate(decoded.sampleRate());
    return fromSamples(decoded.samples(), decoded.sampleRate());
  }

  private static AudioClip fromSamples(short[] samples, int sampleRate) {
    if ((long) samples.length * SAMPLE_RATE / sampleRate > MAX_SAMPLES) {
      throw new InvalidAudioException("Audio is longer than " + MAX_LENGTH.toSeconds() + " s");
    }
    return new AudioClip(Pcm.bytes(LinearResampler.resample(samples, sampleRate, SAMPLE_RATE)));
  }
}
