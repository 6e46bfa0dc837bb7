package io.dealflow.platform.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void keepsAPlainIdFromTheCaller() {
    assertThat(RequestIds.acceptOrGenerate("req_abc-123")).isEqualTo("req_abc-123");
  }

  @Test
  void replacesIdsThatCouldInjectIntoLogsOrHeaders() {
    assertThat(RequestIds.acceptOrGenerate("a b\nc")).isNotEqualTo("a b\nc").hasSize(36);
    assertThat(RequestIds.acceptOrGenerate("x".repeat(129))).hasSize(36);
    assertThat(RequestIds.acceptOrGenerate(null)).hasSize(36);
  }
}
