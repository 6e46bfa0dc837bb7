package io.dealflow.gateway.ratelimit;

import java.util.Comparator;
import java.util.List;

/**
 * The outcome of checking every limit that applies to a request.
 *
 * @param allowed whether the request may pass (it then counted against every limit)
 * @param usages where each limit stands after this request
 */
public record RateLimitDecision(boolean allowed, List<Usage> usages) {

  public RateLimitDecision {
    usages = List.copyOf(usages);
    if (usages.isEmpty()) {
      throw new IllegalArgumentException("A decision needs at least one limit");
    }
  }

  /**
   * Where one limit stands.
   *
   * @param policy the policy's name, e.g. {@code auth}
   * @param limit requests allowed per window
   * @param remaining requests left in the current window
   * @param resetEpochMillis when the current window ends
   */
  public record Usage(String policy, long limit, long remaining, long resetEpochMillis) {

    /** When the current window ends, rounded up to the second, for {@code X-RateLimit-Reset}. */
    public long resetEpochSeconds() {
      return (resetEpochMillis + 999) / 1000;
    }
  }

  /**
   * The limit the rate-limit headers report: the one with the fewest requests left; when the
   * request was refused, of the exhausted ones the one that frees up last, since the client has to
   * wait for that one.
   */
  public Usage reported() {
    if (allowed) {
      return usages.stream()
          .min(
              Comparator.comparingLong(Usage::remaining)
                  .thenComparing(Usage::resetEpochMillis, Comparator.reverseOrder()))
          .orElseThrow();
    }
    return usages.stream()
        .filter(usage -> usage.remaining() == 0)
        .max(Comparator.comparingLong(Usage::resetEpochMillis))
        .orElseThrow();
  }

  /** Seconds until a refused request may be tried again (at least one). */
  public long retryAfterSeconds(long nowEpochMillis) {
    long millis = reported().resetEpochMillis() - nowEpochMillis;
    return Math.max(1, (millis + 999) / 1000);
  }
}
