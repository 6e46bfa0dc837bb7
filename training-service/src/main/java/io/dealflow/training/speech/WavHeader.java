package io.dealflow.training.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The RIFF/WAVE container around 16-bit PCM: reading the header of what a client sent, writing one
 * around what we produce.
 */
record WavHeader(int channels, int sampleRate, int dataOffset, int dataLength) {

  private static final int PCM = 1;
  private static final int EXTENSIBLE = 0xFFFE;

  static boolean startsWithRiff(byte[] bytes) {
    return bytes.length >= 4 && tag(bytes, 0).equals("RIFF");
  }

  /**
   * Reads the header up to the start of the samples. A data length larger than what arrived (as
   * streaming writers leave it, often 0xFFFFFFFF) means "up to the end".
   */
  static WavHeader parse(byte[] bytes) {
    if (bytes.length < 12 || !startsWithRiff(bytes) || !tag(bytes, 8).equals("WAVE")) {
      throw new InvalidAudioException("Not a WAV file: it must start with a RIFF/WAVE header");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int position = 12;
    int channels = 0;
    int sampleRate = 0;
    while (position + 8 <= bytes.length) {
      String id = tag(bytes, position);
      long size = Integer.toUnsignedLong(in.getInt(position + 4));
      int body = position + 8;
      if (id.equals("fmt ")) {
        if (size < 16 || body + 16 > bytes.length) {
          throw new InvalidAudioException("WAV header is truncated in its fmt chunk");
        }
        int encoding = Short.toUnsignedInt(in.getShort(body));
        channels = Short.toUnsignedInt(in.getShort(body + 2));
        sampleRate = in.getInt(body + 4);
        int bits = Short.toUnsignedInt(in.getShort(body + 14));
        boolean pcm =
            encoding == PCM || (encoding == EXTENSIBLE && extensibleIsPcm(in, body, size));
        if (!pcm || bits != 16) {
          throw new InvalidAudioException(
              "WAV must hold 16-bit PCM (found encoding " + encoding + ", " + bits + " bits)");
        }
        if (channels < 1 || channels > 2) {
          throw new InvalidAudioException("WAV must be mono or stereo (found " + channels + ")");
        }
      } else if (id.equals("data")) {
        if (channels == 0) {
          throw new InvalidAudioException("WAV header has no fmt chunk before its data");
        }
        int available = bytes.length - body;
        int length = (int) Math.min(size, available);
        return new WavHeader(channels, sampleRate, body, length);
      }
      // RIFF chunks are padded to an even size.
      long next = body + size + (size & 1);
      if (next > bytes.length) {
        break;
      }
      position = (int) next;
    }
    throw new InvalidAudioException("WAV header is truncated: no data chunk found");
  }

  /** A 44-byte header for mono 16-bit PCM at the given rate. */
  static byte[] write(int dataLength, int sampleRate) {
    ByteBuffer out = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataLength);
    out.put("WAVE".getBytes(StandardCharsets.US_ASCII));
    out.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    out.putShort((short) PCM).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2);
    out.putShort((short) 2).putShort((short) 16);
    out.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataLength);
    return out.array();
  }

  private static boolean extensibleIsPcm(ByteBuffer in, int body, long size) {
    // WAVE_FORMAT_EXTENSIBLE keeps the real format in the first two bytes of its sub-format GUID.
    return size >= 26 && body + 26 <= in.limit() && in.getShort(body + 24) == PCM;
  }

  private static String tag(byte[] bytes, int at) {
    return new String(bytes, at, 4, StandardCharsets.US_ASCII);
  }
}
