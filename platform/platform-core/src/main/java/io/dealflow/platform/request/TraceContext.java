package io.dealflow.platform.request;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * W3C trace context ({@code traceparent}) for what a request causes elsewhere: events carry the
 * trace of the request that caused them. A request's filter puts its trace context in the logging
 * context (MDC); work that has none starts a new trace.
 */
public final class TraceContext {

  public static final String HEADER = "traceparent";

  /** The MDC key of the current request's {@code traceparent}. */
  public static final String MDC_KEY = "traceparent";

  /** The MDC key of the current trace id alone, for log lines. */
  public static final String TRACE_ID_MDC_KEY = "trace_id";

  private static final Pattern TRACEPARENT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
  private static final String INVALID_TRACE = "0".repeat(32);
  private static final String INVALID_SPAN = "0".repeat(16);

  private TraceContext() {}

  /**
   * The trace context for a request that arrived with {@code incoming}: the same trace with a new
   * span when the header is valid, else a new trace.
   */
  public static String continueOrStart(@Nullable String incoming) {
    if (incoming != null) {
      var matcher = TRACEPARENT.matcher(incoming.trim());
      if (matcher.matches()
          && !INVALID_TRACE.equals(matcher.group(1))
          && !INVALID_SPAN.equals(matcher.group(2))) {
        return "00-" + matcher.group(1) + "-" + randomHex(8) + "-" + matcher.group(3);
      }
    }
    return start();
  }

  /** A new trace (sampled). */
  public static String start() {
    return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
  }

  /** The current request's trace context, or a new trace outside a request. */
  public static String currentOrNew() {
    String current = MDC.get(MDC_KEY);
    return current != null && TRACEPARENT.matcher(current).matches() ? current : start();
  }

  /** The trace id of a {@code traceparent}. */
  public static String traceId(String traceparent) {
    return traceparent.substring(3, 35);
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
