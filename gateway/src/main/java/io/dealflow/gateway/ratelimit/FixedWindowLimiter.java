package io.dealflow.gateway.ratelimit;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Redis restart). Windows start with a counter's first request and end when its key expires. A
 * counter with a large limit hands out its permits in batches ({@link LeasedPermits}): the requests
 * that a batch held here covers are admitted without a round trip, and no instance ever admits more
 * than Redis granted it.
 *
 * <p>When Redis cannot be reached in time, the request is counted in this instance's memory instead
 * ({@link LocalWindows}): the limits still hold, per instance, and the API stays up. For {@code
 * retryAfterFailure} after a failure Redis is not asked at all, so that a Redis that hangs does not
 * slow every request by the timeout. That is logged as a WARN, at most every 30 seconds; the gauge
 * {@value #REDIS_UP} says whether the last check reached Redis, the counter {@value #IN_MEMORY}
 * counts the requests limited in memory.
 */
public final class FixedWindowLimiter {

  /** 1 while limits are counted in Redis, 0 while they are counted in memory. */
  static final String REDIS_UP = "dealflow.gateway.ratelimit.redis.up";

  /** Requests whose limits were counted in this instance's memory, Redis being unavailable. */
  static final String IN_MEMORY = "dealflow.gateway.ratelimit.in.memory";

  /** Requests admitted from a batch of permits held here, without a call to Redis. */
  static final String FROM_BATCHES = "dealflow.gateway.ratelimit.batched";

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
  private final long retryAfterFailureMillis;
  private final Clock clock;
  private final LocalWindows local;
  private final LeasedPermits leased;
  private final Counter inMemory;
  private final Counter fromBatches;
  private final AtomicInteger redisUp = new AtomicInteger(1);
  private final AtomicLong redisSkippedUntil = new AtomicLong();
  private final AtomicLong lastWarning = new AtomicLong();
  private final AtomicLong localSinceWarning = new AtomicLong();

  public FixedWindowLimiter(
      ReactiveStringRedisTemplate redis,
      String keyPrefix,
      Duration timeout,
      Duration retryAfterFailure,
      Clock clock,
      MeterRegistry meters) {
    this.redis = redis;
    this.keyPrefix = keyPrefix;
    this.timeout = timeout;
    this.retryAfterFailureMillis = retryAfterFailure.toMillis();
    this.clock = clock;
    this.local = new LocalWindows(clock);
    this.leased = new LeasedPermits(clock);
    Gauge.builder(REDIS_UP, redisUp, AtomicInteger::get)
        .description("1 while rate limits are counted in Redis, 0 while counted in memory")
        .register(meters);
    this.inMemory =
        Counter.builder(IN_MEMORY)
            .description("Requests whose rate limits were counted in this instance's memory")
            .register(meters);
    this.fromBatches =
        Counter.builder(FROM_BATCHES)
            .description("Requests admitted from permits Redis granted earlier in a batch")
            .register(meters);
  }

  /** Whether the last check reached Redis. */
  public boolean redisUp() {
    return redisUp.get() == 1;
  }

  /** The decision, or empty when there was nothing to check. */
  public Mono<Optional<RateLimitDecision>> check(List<Limit> limits) {
    if (limits.isEmpty()) {
      return Mono.just(Optional.empty());
    }
    RateLimitDecision fromBatch = leased.spend(limits);
    if (fromBatch != null) {
      fromBatches.increment();
      return Mono.just(Optional.of(fromBatch));
    }
    if (clock.millis() < redisSkippedUntil.get()) {
      return Mono.just(Optional.of(countLocally(limits)));
    }
    return ask(limits, 0)
        .doOnNext(decision -> redisAnswered())
        .onErrorResume(
            failure ->
                Mono.deferContextual(
                    context -> {
                      redisFailed();
                      RateLimitDecision decision = countLocally(limits);
                      // Context propagation is limited (application.yml): the request's MDC (its
                      // id) is restored here explicitly for the warning.
                      try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context)) {
                        warnInMemory(failure);
                      }
                      return Mono.just(Optional.of(decision));
                    }));
  }

  /**
   * Asks Redis for the permits the batches held here cannot give. When another request spent a
   * batch this one counted on in the meantime, asks again; the last attempt asks one permit of
   * every counter, which always settles.
   */
  private Mono<Optional<RateLimitDecision>> ask(List<Limit> limits, int attempt) {
    LeasedPermits.Request request = leased.request(limits, attempt >= 2);
    List<String> keys = new ArrayList<>(limits.size());
    List<String> args = new ArrayList<>(limits.size() * 3);
    for (int i = 0; i < limits.size(); i++) {
      Limit limit = limits.get(i);
      keys.add(keyPrefix + limit.key());
      args.add(Long.toString(limit.limit()));
      args.add(Long.toString(limit.window().toMillis()));
      args.add(Long.toString(request.asked().get(i)));
    }
    return redis
        .execute(SCRIPT, keys, args)
        .collectList()
        .timeout(timeout)
        .flatMap(
            replies -> {
              RateLimitDecision decision = leased.granted(request, flatten(replies));
              return decision != null ? Mono.just(Optional.of(decision)) : ask(limits, attempt + 1);
            });
  }

  private RateLimitDecision countLocally(List<Limit> limits) {
    inMemory.increment();
    localSinceWarning.incrementAndGet();
    return local.check(limits);
  }

  private void redisAnswered() {
    if (redisUp.getAndSet(1) == 0) {
      log.info("Rate limits are counted in Redis again");
    }
  }

  private void redisFailed() {
    redisUp.set(0);
    redisSkippedUntil.set(clock.millis() + retryAfterFailureMillis);
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

  private void warnInMemory(Throwable failure) {
    long now = clock.millis();
    long last = lastWarning.get();
    if (now - last >= WARN_EVERY_MILLIS && lastWarning.compareAndSet(last, now)) {
      long counted = localSinceWarning.getAndSet(0);
      log.warn(
          "Rate limits counted in this instance's memory: Redis did not answer ({}); {} request(s)"
              + " limited in memory since the last warning",
          failure.toString(),
          counted);
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
