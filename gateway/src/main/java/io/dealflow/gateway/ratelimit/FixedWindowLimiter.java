package io.dealflow.gateway.ratelimit;

import io.dealflow.gateway.ratelimit.RateLimitDecision.Usage;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Counts requests in Redis, fixed windows, every limit of a request in one atomic script call (one
 * round trip; Spring sends the script by its SHA and only falls back to the full text once per
 * Redis restart). Windows start with a counter's first request and end when its key expires.
 *
 * <p>When Redis cannot be reached in time the request passes unlimited: losing rate limiting for a
 * while is better than losing the API. That is logged as a WARN, at most every 30 seconds.
 */
public final class FixedWindowLimiter {

  private static final Logger log = LoggerFactory.getLogger(FixedWindowLimiter.class);
  private static final long WARN_EVERY_MILLIS = 30_000;
  private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final RedisScript<List<Long>> SCRIPT =
      (RedisScript)
          RedisScript.of(loadScript("io/dealflow/gateway/ratelimit/fixed-window.lua"), List.class);

  /**
   * One limit to check.
   *
   * @param policy the policy's name
   * @param key the counter's key, without the configured prefix
   */
  public record Limit(String policy, String key, long limit, Duration window) {}

  private final ReactiveStringRedisTemplate redis;
  private final String keyPrefix;
  private final Duration timeout;
  private final Clock clock;
  private final AtomicLong lastWarning = new AtomicLong();
  private final AtomicLong skippedSinceWarning = new AtomicLong();

  public FixedWindowLimiter(
      ReactiveStringRedisTemplate redis, String keyPrefix, Duration timeout, Clock clock) {
    this.redis = redis;
    this.keyPrefix = keyPrefix;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** The decision, or empty when there was nothing to check or Redis did not answer. */
  public Mono<Optional<RateLimitDecision>> check(List<Limit> limits) {
    if (limits.isEmpty()) {
      return Mono.just(Optional.empty());
    }
    List<String> keys = new ArrayList<>(limits.size());
    List<String> args = new ArrayList<>(limits.size() * 2);
    for (Limit limit : limits) {
      keys.add(keyPrefix + limit.key());
      args.add(Long.toString(limit.limit()));
      args.add(Long.toString(limit.window().toMillis()));
    }
    return redis
        .execute(SCRIPT, keys, args)
        .collectList()
        .timeout(timeout)
        .map(replies -> Optional.of(decide(limits, flatten(replies))))
        .onErrorResume(
            failure ->
                Mono.deferContextual(
                    context -> {
                      // Context propagation is limited (application.yml): the request's MDC (its
                      // id) is restored here explicitly for the warning.
                      try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context)) {
                        warnFailOpen(failure);
                      }
                      return Mono.just(Optional.empty());
                    }));
  }

  private RateLimitDecision decide(List<Limit> limits, List<Long> reply) {
    if (reply.size() != 1 + 2 * limits.size()) {
      throw new IllegalStateException("Unexpected rate-limit script reply: " + reply);
    }
    long now = clock.millis();
    boolean refused = reply.getFirst() == 1L;
    List<Usage> usages = new ArrayList<>(limits.size());
    for (int i = 0; i < limits.size(); i++) {
      Limit limit = limits.get(i);
      long count = reply.get(1 + 2 * i);
      long ttl = reply.get(2 + 2 * i);
      long windowEnd = now + (ttl > 0 ? ttl : limit.window().toMillis());
      usages.add(
          new Usage(limit.policy(), limit.limit(), Math.max(0, limit.limit() - count), windowEnd));
    }
    return new RateLimitDecision(!refused, usages);
  }

  /** Spring hands a multi-bulk reply over either as one list or element by element. */
  private static List<Long> flatten(List<?> replies) {
    List<Long> values = new ArrayList<>();
    for (Object reply : replies) {
      if (reply instanceof List<?> list) {
        list.forEach(value -> values.add(((Number) value).longValue()));
      } else {
        values.add(((Number) reply).longValue());
      }
    }
    return values;
  }

  private void warnFailOpen(Throwable failure) {
    long skipped = skippedSinceWarning.incrementAndGet();
    long now = clock.millis();
    long last = lastWarning.get();
    if (now - last >= WARN_EVERY_MILLIS && lastWarning.compareAndSet(last, now)) {
      skippedSinceWarning.set(0);
      log.warn(
          "Rate limits not enforced: Redis did not answer ({}); {} request(s) passed unchecked"
              + " since the last warning",
          failure.toString(),
          skipped);
    }
  }

  /**
   * The script's text, read once. A resource-backed script would re-check the resource on every
   * call, which inside a fat jar throws and catches an exception per request.
   */
  private static String loadScript(String path) {
    try (var in = new ClassPathResource(path).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Rate-limit script " + path + " is missing", e);
    }
  }
}
