package io.dealflow.crm.conversation.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Formats are told by their first bytes, whatever the client declares. */
class AudioFormatTest {

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void containersAreRecognisedByTheirSignature() {
    assertThat(AudioFormat.detect(ascii("RIFF\0\0\0\0WAVEfmt "))).contains(AudioFormat.WAV);
    assertThat(AudioFormat.detect(ascii("OggS\0\2\0\0"))).contains(AudioFormat.OGG);
    assertThat(AudioFormat.detect(ascii("fLaC\0\0\0\""))).contains(AudioFormat.FLAC);
    assertThat(AudioFormat.detect(ascii("\0\0\0\u0020ftypM4A "))).contains(AudioFormat.M4A);
    assertThat(AudioFormat.detect(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 1}))
        .contains(AudioFormat.WEBM);
    assertThat(AudioFormat.detect(ascii("ID3\4\0\0\0\0"))).contains(AudioFormat.MP3);
    assertThat(AudioFormat.detect(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64}))
        .contains(AudioFormat.MP3);
  }

  @Test
  void otherContentIsNotAudio() {
    assertThat(AudioFormat.detect(ascii("%PDF-1.7\n"))).isEmpty();
    assertThat(AudioFormat.detect(ascii("RIFF\0\0\0\0AVI LIST"))).isEmpty();
    assertThat(AudioFormat.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
        .isEmpty();
    assertThat(AudioFormat.detect(new byte[] {(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80}))
        .isEmpty();
    assertThat(AudioFormat.detect(new byte[0])).isEmpty();
  }

  @Test
  void declaredNamesIncludeCommonAliases() {
    assertThat(AudioFormat.fromWire("MP3")).contains(AudioFormat.MP3);
    assertThat(AudioFormat.fromWire("mpeg")).contains(AudioFormat.MP3);
    assertThat(AudioFormat.fromWire("wave")).contains(AudioFormat.WAV);
    assertThat(AudioFormat.fromWire("exe")).isEmpty();
  }
}
