package io.dealflow.training.speech;

import de.sciss.jump3r.lowlevel.LameEncoder;
import de.sciss.jump3r.mp3.MP3Data;
import de.sciss.jump3r.mp3.VBRTag;
import de.sciss.jump3r.mpg.Common;
import de.sciss.jump3r.mpg.Interface;
import de.sciss.jump3r.mpg.MPGLib;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;

/**
 * MP3 through jump3r, the pure-Java port of LAME: its encoder, and its in-memory decoder (MPGLib,
 * the "hip" decoder; jump3r's {@code LameDecoder} only reads files and prints to stdout).
 */
final class Mp3 {

  static final int BITRATE_KBPS = 32;

  private Mp3() {}

  /** Decoded samples, downmixed to mono, at the stream's own rate. */
  record Decoded(short[] samples, int sampleRate) {}

  static byte[] encode(byte[] pcm, int sampleRate) {
    AudioFormat source = new AudioFormat(sampleRate, 16, 1, true, false);
    LameEncoder encoder =
        new LameEncoder(
            source, BITRATE_KBPS, LameEncoder.CHANNEL_MODE_MONO, LameEncoder.QUALITY_MIDDLE, false);
    try {
      ByteArrayOutputStream mp3 = new ByteArrayOutputStream(pcm.length / 8 + 1024);
      byte[] buffer = new byte[encoder.getMP3BufferSize()];
      int step = encoder.getPCMBufferSize();
      for (int offset = 0; offset < pcm.length; offset += step) {
        int written =
            encoder.encodeBuffer(pcm, offset, Math.min(step, pcm.length - offset), buffer);
        mp3.write(buffer, 0, written);
      }
      mp3.write(buffer, 0, encoder.encodeFinish(buffer));
      return mp3.toByteArray();
    } finally {
      encoder.close();
    }
  }

  /**
   * Decodes a whole MP3 held in memory. Stops with {@link InvalidAudioException} when the stream is
   * not MP3 or decodes to more than {@code maxSamples}.
   */
  static Decoded decode(byte[] bytes, int maxSamples) {
    int start = skipId3v2(bytes);
    // The decoder resynchronizes over anything, so random bytes would "decode" to noise: insist
    // on a valid layer III frame header at the start, and on the next frame where it must follow.
    int frameLength = frameLength(bytes, start);
    if (frameLength <= 0) {
      throw new InvalidAudioException("Not an MP3 stream: no MPEG layer III frame at its start");
    }
    int next = start + frameLength;
    if (next + 4 <= bytes.length && frameLength(bytes, next) <= 0) {
      throw new InvalidAudioException(
          "Not an MP3 stream: its second frame is not where it belongs");
    }
    try {
      return decodeFrames(Arrays.copyOfRange(bytes, start, bytes.length), maxSamples);
    } catch (InvalidAudioException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidAudioException("MP3 stream could not be decoded: " + e, e);
    }
  }

  private static Decoded decodeFrames(byte[] frames, int maxSamples) {
    Common common = new Common();
    Interface decoderInterface = new Interface();
    decoderInterface.setModules(new VBRTag(), common);
    MPGLib library = new MPGLib();
    library.setModules(decoderInterface, common);
    MPGLib.mpstr_tag stream = library.hip_decode_init();
    MP3Data header = new MP3Data();
    short[] left = new short[1152 * 2];
    short[] right = new short[1152 * 2];
    short[] mono = new short[Math.min(maxSamples + 1, frames.length * 12 + 1152 * 2)];
    int count = 0;
    byte[] none = new byte[0];
    int chunk = 4096;
    for (int offset = 0; ; offset += chunk) {
      int length = Math.max(0, Math.min(chunk, frames.length - offset));
      byte[] input = length == 0 ? none : Arrays.copyOfRange(frames, offset, offset + length);
      // One call decodes at most one frame; calls without input drain what is buffered.
      int decoded = library.hip_decode1_headers(stream, input, length, left, right, header);
      while (decoded > 0) {
        if (count + decoded > maxSamples) {
          throw new InvalidAudioException("MP3 audio is too long");
        }
        if (count + decoded > mono.length) {
          mono = Arrays.copyOf(mono, Math.min(maxSamples + 1, mono.length * 2 + decoded));
        }
        for (int i = 0; i < decoded; i++) {
          mono[count++] = header.stereo == 2 ? (short) ((left[i] + right[i]) / 2) : left[i];
        }
        decoded = library.hip_decode1_headers(stream, none, 0, left, right, header);
      }
      if (decoded < 0) {
        throw new InvalidAudioException("MP3 stream is corrupt");
      }
      if (length == 0) {
        break;
      }
    }
    library.hip_decode_exit(stream);
    if (count == 0 || !header.header_parsed || header.samplerate <= 0) {
      throw new InvalidAudioException("MP3 stream holds no decodable audio");
    }
    return new Decoded(Arrays.copyOf(mono, count), header.samplerate);
  }

  private static final int[] MPEG1_KBPS = {
    0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320
  };
  private static final int[] MPEG2_KBPS = {
    0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160
  };
  private static final int[][] RATES = {
    {11025, 12000, 8000}, {}, {22050, 24000, 16000}, {44100, 48000, 32000}
  };

  /** The length in bytes of the layer III frame whose header starts at {@code at}, or -1. */
  static int frameLength(byte[] bytes, int at) {
    if (at < 0 || at + 4 > bytes.length) {
      return -1;
    }
    int b1 = bytes[at + 1] & 0xFF;
    int b2 = bytes[at + 2] & 0xFF;
    int version = (b1 >> 3) & 3;
    int layer = (b1 >> 1) & 3;
    int bitrateIndex = b2 >> 4;
    int rateIndex = (b2 >> 2) & 3;
    boolean sync = (bytes[at] & 0xFF) == 0xFF && (b1 & 0xE0) == 0xE0;
    if (!sync
        || version == 1
        || layer != 1
        || bitrateIndex == 0
        || bitrateIndex == 15
        || rateIndex == 3) {
      return -1;
    }
    int padding = (b2 >> 1) & 1;
    int rate = RATES[version][rateIndex];
    return version == 3
        ? 144_000 * MPEG1_KBPS[bitrateIndex] / rate + padding
        : 72_000 * MPEG2_KBPS[bitrateIndex] / rate + padding;
  }

  private static int skipId3v2(byte[] bytes) {
    if (bytes.length < 10 || bytes[0] != 'I' || bytes[1] != 'D' || bytes[2] != '3') {
      return 0;
    }
    // The tag's size is "synchsafe": four bytes of seven bits each; a footer adds ten bytes.
    int size =
        (bytes[6] & 0x7F) << 21
            | (bytes[7] & 0x7F) << 14
            | (bytes[8] & 0x7F) << 7
            | bytes[9] & 0x7F;
    boolean footer = (bytes[5] & 0x10) != 0;
    return 10 + size + (footer ? 10 : 0);
  }
}
