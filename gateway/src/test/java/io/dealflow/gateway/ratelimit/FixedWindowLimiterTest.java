package io.dealflow.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dealflow.devstack.Devstack;
import io.dealflow.devstack.Redis;
import io.dealflow.gateway.ratelimit.FixedWindowLimiter.Limit;
import io.dealflow.gateway.ratelimit.RateLimitDecision.Usage;
import io.dealflow.platform.request.RequestIds;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.util.context.Context;

/**
 * The limiter's Lua script against the real Redis (request by request, and in batches shared by two
 * instances), and its in-memory stand-in without Redis.
 */
class FixedWindowLimiterTest {

  private final List<LettuceConnectionFactory> factories = new ArrayList<>();
  private final String prefix = "test:limiter:" + UUID.randomUUID() + ":";
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @AfterEach
  void close() {
    factories.forEach(LettuceConnectionFactory::destroy);
  }

  @Test
  void countsUpToTheLimitThenRefusesWithoutCounting() {
    Redis redis = Devstack.redis();
    FixedWindowLimiter limiter = limiter(redis.host(), redis.port(), redis.password());
    List<Limit> limits = List.of(new Limit("auth", "auth:ip:1", 3, Duration.ofMinutes(1)));
    long before = Clock.systemUTC().millis() / 1000;

    List<Long> remaining = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RateLimitDecision decision = limiter.check(limits).block().orElseThrow();
      assertThat(decision.allowed()).isTrue();
      remaining.add(decision.reported().remaining());
    }
    RateLimitDecision refused = limiter.check(limits).block().orElseThrow();
    RateLimitDecision stillRefused = limiter.check(limits).block().orElseThrow();

    assertThat(remaining).containsExactly(2L, 1L, 0L);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.reported().remaining()).isZero();
    assertThat(refused.reported().resetEpochSeconds()).isBetween(before + 58, before + 62);
    assertThat(stillRefused.reported().resetEpochSeconds())
        .isEqualTo(refused.reported().resetEpochSeconds());
  }

  @Test
  void aRefusalByOneLimitCountsAgainstNone() {
    Redis redis = Devstack.redis();
    FixedWindowLimiter limiter = limiter(redis.host(), redis.port(), redis.password());
    Limit tight = new Limit("uploads", "uploads:user:u", 1, Duration.ofMinutes(1));
    Limit loose = new Limit("api", "api:user:u", 100, Duration.ofMinutes(1));

    limiter.check(List.of(tight, loose)).block();
    RateLimitDecision refused = limiter.check(List.of(tight, loose)).block().orElseThrow();
    RateLimitDecision looseOnly = limiter.check(List.of(loose)).block().orElseThrow();

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.reported().policy()).isEqualTo("uploads");
    assertThat(refused.usages()).extracting(Usage::remaining).containsExactly(0L, 99L);
    assertThat(looseOnly.reported().remaining()).isEqualTo(98);
  }

  @Test
  void windowsEndAndCountingStartsAfresh() throws InterruptedException {
    Redis redis = Devstack.redis();
    FixedWindowLimiter limiter = limiter(redis.host(), redis.port(), redis.password());
    List<Limit> limits = List.of(new Limit("auth", "auth:ip:2", 1, Duration.ofMillis(300)));

    limiter.check(limits).block();
    assertThat(limiter.check(limits).block().orElseThrow().allowed()).isFalse();
    Thread.sleep(400);

    assertThat(limiter.check(limits).block().orElseThrow().allowed()).isTrue();
  }

  @Test
  void aLargeLimitIsGrantedInBatchesAndReportsEveryRequest() {
    Redis redis = Devstack.redis();
    FixedWindowLimiter limiter = limiter(redis.host(), redis.port(), redis.password());
    List<Limit> limits = List.of(new Limit("api", "api:user:batch", 1_000, Duration.ofMinutes(1)));

    List<Long> remaining = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      remaining.add(limiter.check(limits).block().orElseThrow().reported().remaining());
    }

    // Batches of 10 (a hundredth of the limit): 3 calls to Redis for 25 requests.
    assertThat(remaining).startsWith(999L, 998L, 997L).endsWith(976L, 975L);
    assertThat(meters.get(FixedWindowLimiter.FROM_BATCHES).counter().count()).isEqualTo(22);
  }

  @Test
  void twoInstancesSharingALimitNeverAdmitMoreThanItAndRefuseAtMostABatchEachTooEarly()
      throws Exception {
    Redis redis = Devstack.redis();
    FixedWindowLimiter first = limiter(redis.host(), redis.port(), redis.password());
    FixedWindowLimiter second = limiter(redis.host(), redis.port(), redis.password());
    Limit shared = new Limit("plan:pro", "plan:org:shared", 1_000, Duration.ofMinutes(1));
    long batch = LeasedPermits.batchOf(shared.limit());

    try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
      List<Future<Long>> admitted = new ArrayList<>();
      for (FixedWindowLimiter instance : List.of(first, second, first, second)) {
        admitted.add(threads.submit(() -> admittedUntilRefused(instance, shared)));
      }
      long total = 0;
      for (Future<Long> each : admitted) {
        total += each.get(30, TimeUnit.SECONDS);
      }

      assertThat(batch).isEqualTo(10);
      assertThat(total).isLessThanOrEqualTo(1_000).isGreaterThanOrEqualTo(1_000 - 2 * (batch - 1));
    }
    // What one instance held unspent is still counted in Redis: the window is full for both.
    assertThat(first.check(List.of(shared)).block().orElseThrow().allowed()).isFalse();
    assertThat(second.check(List.of(shared)).block().orElseThrow().allowed()).isFalse();
  }

  @Test
  void aBatchHeldForOneLimitDoesNotCountARefusalByAnother() {
    Redis redis = Devstack.redis();
    FixedWindowLimiter limiter = limiter(redis.host(), redis.port(), redis.password());
    Limit plan = new Limit("plan:pro", "plan:org:o", 10_000, Duration.ofMinutes(1));
    Limit uploads = new Limit("uploads", "uploads:user:u2", 2, Duration.ofMinutes(1));

    List<Boolean> allowed = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      allowed.add(limiter.check(List.of(uploads, plan)).block().orElseThrow().allowed());
    }
    RateLimitDecision planOnly = limiter.check(List.of(plan)).block().orElseThrow();

    assertThat(allowed).containsExactly(true, true, false, false);
    assertThat(planOnly.reported().remaining()).isEqualTo(10_000 - 3);
  }

  @Test
  void withoutRedisTheLimitsAreCountedInMemory() throws IOException {
    FixedWindowLimiter limiter = limiter("127.0.0.1", nothingListens(), null);
    List<Limit> limits = List.of(new Limit("auth", "auth:ip:3", 2, Duration.ofMinutes(1)));
    long started = System.nanoTime();

    RateLimitDecision first = limiter.check(limits).block().orElseThrow();
    RateLimitDecision second = limiter.check(limits).block().orElseThrow();
    RateLimitDecision third = limiter.check(limits).block().orElseThrow();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(first.allowed()).isTrue();
    assertThat(first.reported().remaining()).isEqualTo(1);
    assertThat(second.allowed()).isTrue();
    assertThat(third.allowed()).isFalse();
    assertThat(third.reported().remaining()).isZero();
    assertThat(limiter.redisUp()).isFalse();
    assertThat(meters.get(FixedWindowLimiter.REDIS_UP).gauge().value()).isZero();
    assertThat(meters.get(FixedWindowLimiter.IN_MEMORY).counter().count()).isEqualTo(3);
  }

  @Test
  void whileRedisAnswersNothingIsCountedInMemory() {
    Redis redis = Devstack.redis();
    FixedWindowLimiter limiter = limiter(redis.host(), redis.port(), redis.password());

    limiter.check(List.of(new Limit("auth", "auth:ip:5", 2, Duration.ofMinutes(1)))).block();

    assertThat(limiter.redisUp()).isTrue();
    assertThat(meters.get(FixedWindowLimiter.REDIS_UP).gauge().value()).isEqualTo(1);
    assertThat(meters.get(FixedWindowLimiter.IN_MEMORY).counter().count()).isZero();
  }

  @Test
  void theInMemoryWarningCarriesTheRequestIdOfTheRequestThatHitIt() throws IOException {
    ContextRegistry.getInstance()
        .registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(RequestIds.MDC_KEY));
    FixedWindowLimiter limiter = limiter("127.0.0.1", nothingListens(), null);
    String requestId = "limiter-" + UUID.randomUUID();
    Logger logger = (Logger) LoggerFactory.getLogger(FixedWindowLimiter.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      limiter
          .check(List.of(new Limit("auth", "auth:ip:4", 1, Duration.ofMinutes(1))))
          .contextWrite(
              Context.of(Slf4jThreadLocalAccessor.KEY, Map.of(RequestIds.MDC_KEY, requestId)))
          .block();
    } finally {
      logger.detachAppender(appender);
    }

    assertThat(appender.list)
        .singleElement()
        .satisfies(
            warning -> {
              assertThat(warning.getFormattedMessage())
                  .startsWith("Rate limits counted in this instance's memory")
                  .contains("1 request(s) limited in memory");
              assertThat(warning.getMDCPropertyMap()).containsEntry(RequestIds.MDC_KEY, requestId);
            });
  }

  private static long admittedUntilRefused(FixedWindowLimiter limiter, Limit limit) {
    long admitted = 0;
    while (limiter.check(List.of(limit)).block().orElseThrow().allowed()) {
      admitted++;
    }
    return admitted;
  }

  private static int nothingListens() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private FixedWindowLimiter limiter(String host, int port, String password) {
    RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(host, port);
    if (password != null) {
      server.setPassword(password);
    }
    LettuceConnectionFactory factory =
        new LettuceConnectionFactory(
            server,
            LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
    factory.afterPropertiesSet();
    factory.start();
    factories.add(factory);
    return new FixedWindowLimiter(
        new ReactiveStringRedisTemplate(factory),
        prefix,
        Duration.ofMillis(500),
        Duration.ofSeconds(5),
        Clock.systemUTC(),
        meters);
  }
}
