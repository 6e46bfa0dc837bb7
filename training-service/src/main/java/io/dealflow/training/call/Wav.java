package io.dealflow.training.call;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A WAV file around 16-bit little-endian PCM, for the recordings of a call. */
final class Wav {

  private Wav() {}

  static byte[] of(byte[] pcm, int sampleRate, int channels) {
    ByteBuffer wav = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
    wav.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .putInt(36 + pcm.length)
        .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .putInt(16)
        .putShort((short) 1)
        .putShort((short) channels)
        .putInt(sampleRate)
        .putInt(sampleRate * channels * 2)
        .putShort((short) (channels * 2))
        .putShort((short) 16)
        .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .putInt(pcm.length)
        .put(pcm);
    return wav.array();
  }
}
