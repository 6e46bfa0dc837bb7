package io.dealflow.training.speech;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How the audio of a streaming call arrives, as the socket's {@code config} message declares it.
 *
 * <ul>
 *   <li>{@code format}: {@code pcm} (raw signed 16-bit little-endian, interleaved when stereo) or
 *       {@code wav} (the same samples; any chunk may begin with a RIFF header, which is read and
 *       skipped, and must then agree with this spec);
 *   <li>{@code channels}: 1 or 2 for either format; stereo is averaged to mono;
 *   <li>{@code sampleRate}: 8000 to 48000 Hz; anything but 16 kHz is resampled.
 * </ul>
 *
 * Compressed formats (mp3, opus) are not accepted on the stream: only whole clips may be MP3.
 */
public record AudioSpec(int sampleRate, int channels, String format) {

  /** What a client that sends no {@code config} is assumed to send. */
  public static final AudioSpec DEFAULT = new AudioSpec(AudioClip.SAMPLE_RATE, 1, "pcm");

  public AudioSpec {
    format = format.toLowerCase(Locale.ROOT);
    if (!format.equals("pcm") && !format.equals("wav")) {
      throw new InvalidAudioException(
          "Unsupported stream format '" + format + "': use pcm or wav (16-bit)");
    }
    if (channels != 1 && channels != 2) {
      throw new InvalidAudioException("Unsupported channel count " + channels + ": use 1 or 2");
    }
    AudioClip.requireRate(sampleRate);
  }

  /**
   * The spec from a {@code config} message whose fields may be missing (each defaults to {@link
   * #DEFAULT}'s).
   *
   * @throws InvalidAudioException when a given value is not supported
   */
  public static AudioSpec of(
      @Nullable Integer sampleRate, @Nullable Integer channels, @Nullable String format) {
    return new AudioSpec(
        sampleRate == null ? DEFAULT.sampleRate() : sampleRate,
        channels == null ? DEFAULT.channels() : channels,
        format == null ? DEFAULT.format() : format);
  }
}
