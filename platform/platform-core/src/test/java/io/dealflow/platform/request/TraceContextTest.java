package io.dealflow.platform.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TraceContextTest {

  private static final String FORMAT = "00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}";

  @Test
  void validIncomingTraceIsContinuedWithANewSpan() {
    String incoming = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    String continued = TraceContext.continueOrStart(incoming);

    assertThat(continued).matches(FORMAT).startsWith("00-0af7651916cd43dd8448eb211c80319c-");
    assertThat(continued).isNotEqualTo(incoming).endsWith("-01");
    assertThat(TraceContext.traceId(continued)).isEqualTo("0af7651916cd43dd8448eb211c80319c");
  }

  @Test
  void invalidOrAllZeroTraceStartsANewOne() {
    assertThat(TraceContext.continueOrStart("garbage")).matches(FORMAT);
    assertThat(TraceContext.continueOrStart(null)).matches(FORMAT);
    String zeros = "00-00000000000000000000000000000000-b7ad6b7169203331-01";
    assertThat(TraceContext.continueOrStart(zeros)).matches(FORMAT).doesNotContain("0".repeat(32));
  }

  @Test
  void currentIsTheRequestsTraceElseANewOne() {
    String trace = TraceContext.start();
    MDC.put(TraceContext.MDC_KEY, trace);
    try {
      assertThat(TraceContext.currentOrNew()).isEqualTo(trace);
    } finally {
      MDC.remove(TraceContext.MDC_KEY);
    }
    assertThat(TraceContext.currentOrNew()).matches(FORMAT).isNotEqualTo(trace);
  }
}
