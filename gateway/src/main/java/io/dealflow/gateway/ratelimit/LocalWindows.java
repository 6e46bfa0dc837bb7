package io.dealflow.gateway.ratelimit;

import io.dealflow.gateway.ratelimit.FixedWindowLimiter.Limit;
import io.dealflow.gateway.ratelimit.RateLimitDecision.Usage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixed windows counted in this instance's memory, by the rules of the Redis script ({@code
 * fixed-window.lua}): a window starts with its counter's first request; a request is admitted only
 * if every limit has room, and a refused one counts nowhere. Used while Redis is unavailable, so
 * that the limits still hold per instance instead of not at all.
 */
final class LocalWindows {

  private static final long SWEEP_EVERY_MILLIS = 10_000;

  private record Window(long count, long endMillis) {}

  private final Map<String, Window> windows = new HashMap<>();
  private final Clock clock;
  private long nextSweep;

  LocalWindows(Clock clock) {
    this.clock = clock;
  }

  synchronized RateLimitDecision check(List<Limit> limits) {
    long now = clock.millis();
    sweep(now);
    List<Window> current = new ArrayList<>(limits.size());
    boolean refused = false;
    for (Limit limit : limits) {
      Window window = windows.get(limit.key());
      if (window == null || window.endMillis() <= now) {
        window = new Window(0, now + limit.window().toMillis());
      }
      refused |= window.count() >= limit.limit();
      current.add(window);
    }
    List<Usage> usages = new ArrayList<>(limits.size());
    for (int i = 0; i < limits.size(); i++) {
      Limit limit = limits.get(i);
      Window window = current.get(i);
      if (!refused) {
        window = new Window(window.count() + 1, window.endMillis());
        windows.put(limit.key(), window);
      }
      usages.add(
          new Usage(
              limit.policy(),
              limit.limit(),
              Math.max(0, limit.limit() - window.count()),
              window.endMillis()));
    }
    return new RateLimitDecision(!refused, usages);
  }

  /** Forgets windows that ended, every few seconds, so that memory holds only live counters. */
  private void sweep(long now) {
    if (now >= nextSweep) {
      windows.values().removeIf(window -> window.endMillis() <= now);
      nextSweep = now + SWEEP_EVERY_MILLIS;
    }
  }

  synchronized int size() {
    return windows.size();
  }
}
