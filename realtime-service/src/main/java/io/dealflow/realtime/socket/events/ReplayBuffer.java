package io.dealflow.realtime.socket.events;

import io.dealflow.platform.events.ReceivedEvent;
import io.dealflow.realtime.socket.EventListener;
import io.dealflow.realtime.socket.SocketJson;
import io.dealflow.realtime.socket.SocketSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * The last events of each organization, in Redis so that a client reconnecting to any instance
 * finds them: at most {@code replay.max-events} per organization and none older than {@code
 * replay.max-age}. One sorted set per organization, scored by event time; every instance adds the
 * same member for the same event, so running several instances stores each event once.
 */
@Component
class ReplayBuffer implements EventListener {

  private static final Logger log = LoggerFactory.getLogger(ReplayBuffer.class);
  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(2);

  /**
   * Adds one event and trims the buffer to its bounds, in one round trip: it runs before every live
   * delivery. KEYS[1] the organization's buffer; ARGV: the message, its score (event time in ms),
   * the most events kept, the oldest score kept, the buffer's expiry in ms.
   */
  private static final RedisScript<Long> APPEND =
      RedisScript.of(
          """
          redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
          redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[3]) + 1))
          redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[4])
          redis.call('PEXPIRE', KEYS[1], ARGV[5])
          return 1
          """,
          Long.class);

  /**
   * What a reconnecting client receives: the missed messages, and whether the buffer covered them.
   */
  record Replay(List<String> messages, boolean complete) {}

  private final ReactiveStringRedisTemplate redis;
  private final SocketSettings.Replay settings;

  ReplayBuffer(ReactiveStringRedisTemplate redis, SocketSettings settings) {
    this.redis = redis;
    this.settings = settings.replay();
  }

  /**
   * Runs on the event consumer's thread before the event reaches the sockets, so that a client
   * reconnecting right after it saw the event finds it in the buffer. Redis being down costs the
   * replay, never the live delivery.
   */
  @Override
  public void before(ReceivedEvent event) {
    if (event.orgId() == null) {
      return;
    }
    String oldest = Long.toString(System.currentTimeMillis() - settings.maxAge().toMillis());
    try {
      redis
          .execute(
              APPEND,
              List.of(key(event.orgId())),
              List.of(
                  EventsMessages.of(event),
                  Long.toString(event.time().toEpochMilli()),
                  Integer.toString(settings.maxEvents()),
                  oldest,
                  Long.toString(settings.maxAge().toMillis())))
          .then()
          .block(WRITE_TIMEOUT);
    } catch (RuntimeException failure) {
      log.warn("Replay buffer missed {} {}: {}", event.type(), event.id(), failure.toString());
    }
  }

  /**
   * The messages after {@code lastEventId}, oldest first, preceded by those up to {@code overlap}
   * older than it (the client recognises those it has by their ids).
   */
  Mono<Replay> after(UUID orgId, String lastEventId) {
    return redis
        .opsForZSet()
        .rangeWithScores(key(orgId), Range.closed(0L, -1L))
        .collectList()
        .map(
            buffered -> {
              for (int i = 0; i < buffered.size(); i++) {
                if (lastEventId.equals(idOf(messageOf(buffered.get(i))))) {
                  double from = scoreOf(buffered.get(i)) - settings.overlap().toMillis();
                  List<String> missed = new ArrayList<>();
                  for (int j = 0; j < buffered.size(); j++) {
                    if (j > i || (j < i && scoreOf(buffered.get(j)) >= from)) {
                      missed.add(messageOf(buffered.get(j)));
                    }
                  }
                  return new Replay(missed, true);
                }
              }
              return new Replay(buffered.stream().map(ReplayBuffer::messageOf).toList(), false);
            });
  }

  private static String messageOf(ZSetOperations.TypedTuple<String> entry) {
    return Objects.requireNonNull(entry.getValue());
  }

  private static double scoreOf(ZSetOperations.TypedTuple<String> entry) {
    return Objects.requireNonNull(entry.getScore());
  }

  static @Nullable String idOf(String message) {
    ObjectNode node = SocketJson.readObject(message);
    return node == null ? null : SocketJson.text(node, "id");
  }

  private static String key(UUID orgId) {
    return "dealflow:realtime:replay:" + orgId;
  }
}
