package io.dealflow.realtime.socket.hellosales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VoicePayloadTest {

  @ParameterizedTest
  @ValueSource(strings = {"UklGRg==", "UklGRgA=", "UklGRgAA", "UklGRgA", "+/+/", "AAAA"})
  void base64AudioIsAccepted(String audio) {
    assertThat(HelloSalesSocketHandler.isBase64(audio)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not base64!",
        "UklGR",
        "Ukl=Rg==",
        "UklGRg===",
        "data:audio/wav;base64,AAAA",
        "=="
      })
  void anythingElseIsRefused(String audio) {
    assertThat(HelloSalesSocketHandler.isBase64(audio)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 100, 1001})
  void whatTheJdkEncodesIsAccepted(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    assertThat(HelloSalesSocketHandler.isBase64(Base64.getEncoder().encodeToString(bytes)))
        .isTrue();
  }
}
