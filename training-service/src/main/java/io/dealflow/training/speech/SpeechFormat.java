package io.dealflow.training.speech;

import java.util.Arrays;
import java.util.Locale;

/** The containers synthesized speech can be delivered in. */
public enum SpeechFormat {
  /** 16-bit mono PCM in a RIFF header. */
  WAV("wav", "audio/wav"),
  /** MPEG layer III, 32 kbps mono from the offline engine. */
  MP3("mp3", "audio/mpeg");

  private final String wireName;
  private final String contentType;

  SpeechFormat(String wireName, String contentType) {
    this.wireName = wireName;
    this.contentType = contentType;
  }

  /** The name on the wire: {@code wav}, {@code mp3}. */
  public String wireName() {
    return wireName;
  }

  public String contentType() {
    return contentType;
  }

  /**
   * The format of a wire name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the supported formats
   */
  public static SpeechFormat fromWire(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(format -> format.wireName.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unsupported audio format '" + name + "': use wav or mp3"));
  }
}
