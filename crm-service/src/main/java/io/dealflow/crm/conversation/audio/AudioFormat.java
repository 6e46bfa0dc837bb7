package io.dealflow.crm.conversation.audio;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The audio formats the service accepts, each recognised by its first bytes (the container's
 * signature) rather than by what the client declares.
 */
public enum AudioFormat {
  MP3("audio/mpeg"),
  WAV("audio/wav"),
  M4A("audio/mp4"),
  OGG("audio/ogg"),
  WEBM("audio/webm"),
  FLAC("audio/flac");

  private final String contentType;

  AudioFormat(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  /** The wire name: {@code mp3}, {@code wav}, ... */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AudioFormat> fromWire(String value) {
    String name = value.strip().toLowerCase(Locale.ROOT);
    if (name.equals("mpeg")) {
      return Optional.of(MP3);
    }
    if (name.equals("wave")) {
      return Optional.of(WAV);
    }
    if (name.equals("mp4") || name.equals("aac")) {
      return Optional.of(M4A);
    }
    return Arrays.stream(values()).filter(f -> f.wire().equals(name)).findFirst();
  }

  /** The format the bytes are in, by their signature; empty when they are none of these. */
  public static Optional<AudioFormat> detect(byte[] head) {
    if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WAVE")) {
      return Optional.of(WAV);
    }
    if (startsWith(head, 0, "OggS")) {
      return Optional.of(OGG);
    }
    if (startsWith(head, 0, "fLaC")) {
      return Optional.of(FLAC);
    }
    if (head.length >= 4
        && (head[0] & 0xFF) == 0x1A
        && (head[1] & 0xFF) == 0x45
        && (head[2] & 0xFF) == 0xDF
        && (head[3] & 0xFF) == 0xA3) {
      return Optional.of(WEBM);
    }
    if (startsWith(head, 4, "ftyp")) {
      return Optional.of(M4A);
    }
    if (startsWith(head, 0, "ID3") || isMpegAudioFrame(head)) {
      return Optional.of(MP3);
    }
    return Optional.empty();
  }

  /** An MPEG audio frame header: 11 sync bits, then a layer that is not "reserved" (00). */
  private static boolean isMpegAudioFrame(byte[] head) {
    return head.length >= 3
        && (head[0] & 0xFF) == 0xFF
        && (head[1] & 0xE0) == 0xE0
        && (head[1] & 0x06) != 0
        && (head[2] & 0xF0) != 0xF0;
  }

  private static boolean startsWith(byte[] bytes, int offset, String ascii) {
    if (bytes.length < offset + ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (bytes[offset + i] != (byte) ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
