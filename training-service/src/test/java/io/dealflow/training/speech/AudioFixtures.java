package io.dealflow.training.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Audio in the shapes clients send it. */
final class AudioFixtures {

  private AudioFixtures() {}

  /** A WAV file of s16le samples with the given rate and channels. */
  static byte[] wav(byte[] samples, int sampleRate, int channels) {
    ByteBuffer out = ByteBuffer.allocate(44 + samples.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples.length);
    out.put("WAVE".getBytes(StandardCharsets.US_ASCII));
    out.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    out.putShort((short) 1).putShort((short) channels).putInt(sampleRate);
    out.putInt(sampleRate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
    out.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples.length);
    out.put(samples);
    return out.array();
  }

  /** A sine tone as s16le mono. */
  static byte[] tone(double hertz, double seconds, int sampleRate) {
    short[] samples = new short[(int) (seconds * sampleRate)];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) (8000 * Math.sin(2 * Math.PI * hertz * i / sampleRate));
    }
    return Pcm.bytes(samples);
  }

  /** Mono s16le as stereo with the same samples on both sides. */
  static byte[] stereo(byte[] mono) {
    byte[] stereo = new byte[mono.length * 2];
    for (int i = 0; i < mono.length; i += 2) {
      stereo[2 * i] = mono[i];
      stereo[2 * i + 1] = mono[i + 1];
      stereo[2 * i + 2] = mono[i];
      stereo[2 * i + 3] = mono[i + 1];
    }
    return stereo;
  }

  /** 16 kHz mono s16le as 48 kHz, each sample three times. */
  static byte[] upsampleTriple(byte[] mono) {
    byte[] out = new byte[mono.length * 3];
    for (int i = 0; i < mono.length; i += 2) {
      for (int copy = 0; copy < 3; copy++) {
        out[3 * i + 2 * copy] = mono[i];
        out[3 * i + 2 * copy + 1] = mono[i + 1];
      }
    }
    return out;
  }
}
