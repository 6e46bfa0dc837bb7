package io.dealflow.training.speech;

import java.io.ByteArrayOutputStream;

/**
 * Turns a stream's chunks, in the format of its {@link AudioSpec}, into 16 kHz mono s16le. A chunk
 * may end in the middle of a sample frame; the rest is kept for the next one.
 */
final class ChunkDecoder {

  /** A chunk larger than this (about 5 s of 48 kHz stereo) is refused. */
  static final int MAX_CHUNK_BYTES = 1 << 20;

  private final AudioSpec spec;
  private final LinearResampler resampler;
  private final ByteArrayOutputStream leftover = new ByteArrayOutputStream();

  ChunkDecoder(AudioSpec spec) {
    this.spec = spec;
    this.resampler = new LinearResampler(spec.sampleRate(), AudioClip.SAMPLE_RATE);
  }

  byte[] decode(byte[] chunk) {
    if (chunk.length > MAX_CHUNK_BYTES) {
      throw new InvalidAudioException(
          "Audio chunk of " + chunk.length + " bytes is larger than " + MAX_CHUNK_BYTES);
    }
    int offset = 0;
    if (spec.format().equals("wav") && WavHeader.startsWithRiff(chunk)) {
      WavHeader header = WavHeader.parse(chunk);
      if (header.channels() != spec.channels() || header.sampleRate() != spec.sampleRate()) {
        throw new InvalidAudioException(
            "WAV header says "
                + header.channels()
                + " channel(s) at "
                + header.sampleRate()
                + " Hz but the stream was configured for "
                + spec.channels()
                + " at "
                + spec.sampleRate());
      }
      offset = header.dataOffset();
      leftover.reset();
    }
    leftover.write(chunk, offset, chunk.length - offset);
    byte[] pending = leftover.toByteArray();
    int frameSize = 2 * spec.channels();
    int whole = pending.length - pending.length % frameSize;
    leftover.reset();
    leftover.write(pending, whole, pending.length - whole);
    short[] mono = Pcm.mono(pending, 0, whole, spec.channels());
    return Pcm.bytes(resampler.next(mono));
  }
}
