package io.dealflow.realtime.socket.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Devstack;
import io.dealflow.devstack.Redis;
import io.dealflow.platform.events.ReceivedEvent;
import io.dealflow.realtime.socket.SocketSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The replay buffer against Redis: bounded by count and by age, in event order. */
class ReplayBufferIT {

  private static final Duration MAX_AGE = Duration.ofMinutes(15);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final LettuceConnectionFactory connections = connections(Devstack.redis());
  private final ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(connections);
  private final ReplayBuffer buffer = new ReplayBuffer(redis, settings(3, Duration.ZERO));
  private final UUID org = UUID.randomUUID();

  @AfterEach
  void close() {
    redis.delete("dealflow:realtime:replay:" + org).block();
    connections.destroy();
  }

  @Test
  void keepsTheNewestEventsUpToItsBound() {
    Instant start = Instant.now().minusSeconds(10);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(append(start.plusSeconds(i)).toString());
    }

    ReplayBuffer.Replay afterThird = buffer.after(org, ids.get(2)).block();
    ReplayBuffer.Replay afterFirst = buffer.after(org, ids.get(0)).block();

    assertThat(afterThird.complete()).isTrue();
    assertThat(afterThird.messages())
        .map(ReplayBuffer::idOf)
        .containsExactly(ids.get(3), ids.get(4));
    assertThat(afterFirst.complete()).as("the first event fell out of the buffer").isFalse();
    assertThat(afterFirst.messages())
        .map(ReplayBuffer::idOf)
        .containsExactly(ids.get(2), ids.get(3), ids.get(4));
  }

  @Test
  void dropsEventsOlderThanItsMaximumAgeAndExpiresWithThem() {
    UUID stale = append(Instant.now().minus(MAX_AGE).minusSeconds(60));
    UUID fresh = append(Instant.now());

    ReplayBuffer.Replay replay = buffer.after(org, stale.toString()).block();
    Duration expiry = redis.getExpire("dealflow:realtime:replay:" + org).block();

    assertThat(replay.complete()).isFalse();
    assertThat(replay.messages()).map(ReplayBuffer::idOf).containsExactly(fresh.toString());
    assertThat(expiry).isPositive().isLessThanOrEqualTo(MAX_AGE);
  }

  @Test
  void aResumeAlsoGetsTheEventsJustOlderThanTheLastOneSeen() {
    ReplayBuffer overlapping = new ReplayBuffer(redis, settings(10, Duration.ofSeconds(2)));
    Instant start = Instant.now().minusSeconds(10);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add(append(overlapping, start.plusSeconds(i)).toString());
    }

    ReplayBuffer.Replay afterFourth = overlapping.after(org, ids.get(3)).block();

    assertThat(afterFourth.complete()).isTrue();
    assertThat(afterFourth.messages())
        .as("the two seconds before the last seen event, then everything after it")
        .map(ReplayBuffer::idOf)
        .containsExactly(ids.get(1), ids.get(2), ids.get(4), ids.get(5));
  }

  private UUID append(Instant time) {
    return append(buffer, time);
  }

  private UUID append(ReplayBuffer into, Instant time) {
    UUID id = UUID.randomUUID();
    into.before(
        new ReceivedEvent(
            id,
            "deal.created",
            "/dealflow/crm-service",
            UUID.randomUUID().toString(),
            org,
            time,
            null,
            JSON.createObjectNode().put("title", "Deal " + id)));
    return id;
  }

  private static SocketSettings settings(int maxEvents, Duration overlap) {
    return new SocketSettings(
        Duration.ofSeconds(25),
        Duration.ofSeconds(70),
        Duration.ofSeconds(10),
        1024,
        64,
        new SocketSettings.MaxPerUser(5, 10, 10, 5, 10),
        new SocketSettings.Frames(
            DataSize.ofMegabytes(2),
            DataSize.ofKilobytes(64),
            DataSize.ofMegabytes(1),
            DataSize.ofKilobytes(256),
            DataSize.ofKilobytes(32)),
        new SocketSettings.Replay(maxEvents, MAX_AGE, overlap),
        new SocketSettings.Presence(
            Duration.ofSeconds(30), Duration.ofSeconds(90), Duration.ofSeconds(1)));
  }

  private static LettuceConnectionFactory connections(Redis server) {
    RedisStandaloneConfiguration configuration =
        new RedisStandaloneConfiguration(server.host(), server.port());
    if (server.password() != null) {
      configuration.setPassword(server.password());
    }
    LettuceConnectionFactory factory = new LettuceConnectionFactory(configuration);
    factory.afterPropertiesSet();
    factory.start();
    return factory;
  }
}
