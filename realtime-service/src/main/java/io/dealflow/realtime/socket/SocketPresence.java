package io.dealflow.realtime.socket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The sockets of every instance, counted in Redis so that a user's limit holds however many
 * instances run. One sorted set per endpoint and user; one member per socket ({@code
 * <instance>:<socket>}), scored by the instant it stops counting. A socket is admitted by a script
 * (drop the expired members, count, add when below the limit) so two instances never both take the
 * last place; each instance renews its members in one pipelined round per refresh interval, so the
 * members of an instance that crashed expire after the TTL. Scores use Redis's clock, so the
 * instances' clocks need not agree.
 *
 * <p>Redis unavailable: admissions fall back to this instance's own count (logged at most once per
 * refresh interval) and live sockets are never closed for it.
 */
@Component
class SocketPresence {

  /** What Redis said about a socket. */
  enum Claim {
    ADMITTED,
    REFUSED,
    UNAVAILABLE
  }

  /** The members of one endpoint and user that this instance renews. */
  record Held(SocketEndpoint endpoint, UUID userId, List<Long> sockets) {}

  private static final Logger log = LoggerFactory.getLogger(SocketPresence.class);

  private static final String NOW =
      """
      local time = redis.call('TIME')
      local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
      """;

  /** KEYS[1] the set; ARGV member, limit, TTL in ms. Answers 1 when admitted, 0 when full. */
  private static final RedisScript<Long> CLAIM =
      RedisScript.of(
          NOW
              + """
              if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then
                if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
                  return 0
                end
              end
              redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
              redis.call('PEXPIRE', KEYS[1], ARGV[3])
              return 1
              """,
          Long.class);

  /**
   * KEYS[1] the set; ARGV TTL in ms, then the members to renew. A member is added back when it is
   * missing (its socket is open, but Redis lost it or was down when it was admitted).
   */
  private static final RedisScript<Long> RENEW =
      RedisScript.of(
          NOW
              + """
              local expiry = now + tonumber(ARGV[1])
              for i = 2, #ARGV do
                redis.call('ZADD', KEYS[1], expiry, ARGV[i])
              end
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              return #ARGV - 1
              """,
          Long.class);

  /** Renewals in flight at once: enough to pipeline, few enough not to flood the connection. */
  private static final int RENEWALS_IN_FLIGHT = 256;

  private final ReactiveStringRedisTemplate redis;
  private final SocketSettings.Presence settings;
  private final String instance = UUID.randomUUID().toString();
  private final AtomicLong lastWarning = new AtomicLong();
  private final AtomicBoolean unavailable = new AtomicBoolean();

  SocketPresence(ReactiveStringRedisTemplate redis, SocketSettings settings) {
    this.redis = redis;
    this.settings = settings.presence();
  }

  /** Takes a place for the socket unless its user already holds {@code limit} on any instance. */
  Mono<Claim> claim(SocketEndpoint endpoint, UUID userId, long socket, int limit) {
    return redis
        .execute(
            CLAIM,
            List.of(key(endpoint, userId)),
            List.of(member(socket), Integer.toString(limit), ttlMillis()))
        .next()
        .timeout(settings.timeout())
        .map(admitted -> admitted == 1L ? Claim.ADMITTED : Claim.REFUSED)
        .doOnNext(claim -> available())
        .onErrorResume(
            failure -> {
              unavailable(failure);
              return Mono.just(Claim.UNAVAILABLE);
            });
  }

  /** Gives the socket's place back; sent and forgotten, the TTL covers a lost one. */
  void release(SocketEndpoint endpoint, UUID userId, long socket) {
    redis
        .opsForZSet()
        .remove(key(endpoint, userId), member(socket))
        .timeout(settings.timeout())
        .subscribe(removed -> {}, this::unavailable);
  }

  /** Renews the places of this instance's open sockets, one pipelined round for all of them. */
  Mono<Void> renew(List<Held> held) {
    return Flux.fromIterable(held)
        .flatMap(
            sockets -> {
              List<String> args = new ArrayList<>(sockets.sockets().size() + 1);
              args.add(ttlMillis());
              sockets.sockets().forEach(socket -> args.add(member(socket)));
              return redis.execute(RENEW, List.of(key(sockets.endpoint(), sockets.userId())), args);
            },
            RENEWALS_IN_FLIGHT)
        .then()
        .timeout(settings.refreshInterval())
        .doOnSuccess(done -> available())
        .onErrorResume(
            failure -> {
              unavailable(failure);
              return Mono.empty();
            });
  }

  /** Gives back every place of this instance at once, as it stops. */
  Mono<Void> releaseAll(List<Held> held) {
    return Flux.fromIterable(held)
        .flatMap(
            sockets ->
                redis
                    .opsForZSet()
                    .remove(
                        key(sockets.endpoint(), sockets.userId()),
                        sockets.sockets().stream().map(this::member).toArray()),
            RENEWALS_IN_FLIGHT)
        .then()
        .timeout(settings.timeout())
        .onErrorResume(failure -> Mono.empty());
  }

  Duration refreshInterval() {
    return settings.refreshInterval();
  }

  static String key(SocketEndpoint endpoint, UUID userId) {
    return "dealflow:realtime:sockets:" + endpoint.name().toLowerCase(Locale.ROOT) + ":" + userId;
  }

  private String member(long socket) {
    return instance + ":" + socket;
  }

  private String ttlMillis() {
    return Long.toString(settings.ttl().toMillis());
  }

  private void available() {
    if (unavailable.compareAndSet(true, false)) {
      log.info("Socket presence in Redis is available again: per-user limits count every instance");
    }
  }

  private void unavailable(Throwable failure) {
    unavailable.set(true);
    long now = System.nanoTime();
    long last = lastWarning.get();
    boolean due = last == 0 || now - last >= settings.refreshInterval().toNanos();
    if (due && lastWarning.compareAndSet(last, now)) {
      log.warn(
          "Socket presence in Redis is unavailable ({}): per-user socket limits count this"
              + " instance's sockets only until it is back",
          failure.toString());
    }
  }
}
