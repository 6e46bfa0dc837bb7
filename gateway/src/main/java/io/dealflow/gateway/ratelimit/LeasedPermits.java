package io.dealflow.gateway.ratelimit;

import io.dealflow.gateway.ratelimit.FixedWindowLimiter.Limit;
import io.dealflow.gateway.ratelimit.RateLimitDecision.Usage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Permits that Redis granted to this instance in a batch and that it has not spent yet, per
 * counter. Redis counts a permit when it grants it, so an instance never admits more than its
 * counters allow (no overshoot, whatever the number of instances); the price is that permits
 * granted to one instance and not spent there are missing at the others: per counter and window at
 * most {@code batch - 1} per instance are refused too early (see {@link #batchOf(long)}).
 *
 * <p>A batch lives until its window ends, measured from the moment this instance asked for it, so
 * it never outlives the counter in Redis.
 */
final class LeasedPermits {

  /** The largest batch: one Redis call per this many requests of a busy counter. */
  static final long MAX_BATCH = 100;

  /** Counters held at most; beyond it batches are not kept (every request asks Redis). */
  static final int MAX_COUNTERS = 100_000;

  private static final long SWEEP_EVERY_MILLIS = 10_000;

  /**
   * @param counted the counter in Redis after this batch was granted
   * @param permits granted and not spent yet
   * @param windowEnd when the batch stops being valid (at or before the counter's expiry)
   */
  private record Lease(long limit, long counted, long permits, long windowEnd) {

    boolean usable(Limit limit, long now) {
      return permits > 0 && windowEnd > now && this.limit == limit.limit();
    }

    Usage usage(Limit limit) {
      return new Usage(
          limit.policy(), limit.limit(), Math.max(0, limit.limit() - counted) + permits, windowEnd);
    }
  }

  /** What to ask Redis for, and how to read its answer (see {@code fixed-window.lua}). */
  record Request(List<Limit> limits, List<Long> asked, long askedAt) {}

  private final Map<String, Lease> leases = new HashMap<>();
  private final Clock clock;
  private long nextSweep;

  LeasedPermits(Clock clock) {
    this.clock = clock;
  }

  /**
   * How many permits a counter asks for at once: a hundredth of its limit, between 1 and {@link
   * #MAX_BATCH}. So the permits an instance may hold unspent are at most 1 % of the limit, and
   * limits under 200 per window are counted request by request, exactly as without batches.
   */
  static long batchOf(long limit) {
    return Math.max(1, Math.min(MAX_BATCH, limit / 100));
  }

  /** Admits the request from the batches held, if every one of its counters has a permit. */
  synchronized @Nullable RateLimitDecision spend(List<Limit> limits) {
    long now = clock.millis();
    for (Limit limit : limits) {
      Lease lease = leases.get(limit.key());
      if (lease == null || !lease.usable(limit, now)) {
        return null;
      }
    }
    List<Usage> usages = new ArrayList<>(limits.size());
    for (Limit limit : limits) {
      Lease lease = leases.get(limit.key());
      Lease spent =
          new Lease(lease.limit(), lease.counted(), lease.permits() - 1, lease.windowEnd());
      leases.put(limit.key(), spent);
      usages.add(spent.usage(limit));
    }
    return new RateLimitDecision(true, usages);
  }

  /**
   * What to ask Redis: a batch for each counter without a usable one here; nothing for the others,
   * whose permit comes from the batch held. {@code plain} asks one permit of every counter (plain
   * request counting, no batch).
   */
  synchronized Request request(List<Limit> limits, boolean plain) {
    long now = clock.millis();
    List<Long> asked = new ArrayList<>(limits.size());
    for (Limit limit : limits) {
      Lease lease = leases.get(limit.key());
      if (plain) {
        asked.add(1L);
      } else {
        asked.add(lease != null && lease.usable(limit, now) ? 0 : batchOf(limit.limit()));
      }
    }
    return new Request(limits, asked, now);
  }

  /**
   * The decision on Redis's answer {@code reply}: {refused, then count, ttl and granted per
   * counter}. A granted batch is kept less the request's own permit; a counter that was asked
   * nothing pays from its batch here. Returns null when such a batch was spent by another request
   * in the meantime: ask again.
   */
  synchronized @Nullable RateLimitDecision granted(Request request, List<Long> reply) {
    List<Limit> limits = request.limits();
    if (reply.size() != 1 + 3 * limits.size()) {
      throw new IllegalStateException("Unexpected rate-limit script reply: " + reply);
    }
    long now = clock.millis();
    sweep(now);
    boolean refused = reply.getFirst() == 1L;
    for (int i = 0; i < limits.size(); i++) {
      Lease lease = leases.get(limits.get(i).key());
      if (!refused
          && request.asked().get(i) == 0
          && (lease == null || !lease.usable(limits.get(i), now))) {
        return null;
      }
    }
    List<Usage> usages = new ArrayList<>(limits.size());
    for (int i = 0; i < limits.size(); i++) {
      Limit limit = limits.get(i);
      long count = reply.get(1 + 3 * i);
      long ttl = reply.get(2 + 3 * i);
      long granted = reply.get(3 + 3 * i);
      long windowEnd = request.askedAt() + (ttl > 0 ? ttl : limit.window().toMillis());
      Lease held = leases.get(limit.key());
      Lease lease;
      if (request.asked().get(i) == 0) {
        lease =
            new Lease(
                held.limit(), held.counted(), held.permits() - (refused ? 0 : 1), held.windowEnd());
      } else {
        long kept = refused ? 0 : granted - 1;
        long heldPermits = held != null && held.usable(limit, now) ? held.permits() : 0;
        lease =
            new Lease(
                limit.limit(),
                count,
                kept + heldPermits,
                held != null && heldPermits > 0
                    ? Math.min(held.windowEnd(), windowEnd)
                    : windowEnd);
      }
      if (lease.permits() > 0
          && (leases.size() < MAX_COUNTERS || leases.containsKey(limit.key()))) {
        leases.put(limit.key(), lease);
      } else {
        leases.remove(limit.key());
      }
      usages.add(lease.usage(limit));
    }
    return new RateLimitDecision(!refused, usages);
  }

  /** Forgets batches whose window ended, every few seconds. */
  private void sweep(long now) {
    if (now >= nextSweep) {
      leases.values().removeIf(lease -> lease.windowEnd() <= now);
      nextSweep = now + SWEEP_EVERY_MILLIS;
    }
  }

  synchronized int size() {
    return leases.size();
  }
}
