package io.dealflow.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import tools.jackson.databind.JsonNode;

/**
 * Two realtime-service instances side by side on one Kafka and one Redis: each delivers every event
 * to its own sockets once, and a user's socket limit counts the sockets of both.
 */
class SocketInstancesIT {

  private static final Duration SHORT = Duration.ofSeconds(2);
  private static final Duration CLOSE = Duration.ofSeconds(10);

  private static SocketInstances instances;
  private static ConfigurableApplicationContext one;
  private static ConfigurableApplicationContext two;

  @BeforeAll
  static void startTwoInstances() {
    instances = new SocketInstances();
    one = instances.start();
    two = instances.start();
    SocketInstances.awaitEventsFlowing(one);
    SocketInstances.awaitEventsFlowing(two);
  }

  @AfterAll
  static void stopThem() {
    if (two != null) {
      two.close();
    }
    if (one != null) {
      one.close();
    }
  }

  @Test
  void socketsOfOneOrganizationOnTwoInstancesEachGetEveryEventOnceAndOthersNothing() {
    TestUser alice = TestUsers.inNewOrganization("rep");
    TestUser bob = TestUsers.create(alice.orgId(), "manager");
    TestUser mallory = TestUsers.inNewOrganization("rep");
    List<TestSocket> ours = new ArrayList<>();
    List<TestSocket> theirs = new ArrayList<>();
    try {
      ours.add(eventsSocket(one, alice));
      ours.add(eventsSocket(two, alice));
      ours.add(eventsSocket(two, bob));
      theirs.add(eventsSocket(one, mallory));
      theirs.add(eventsSocket(two, mallory));

      List<String> published = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        published.add(Events.dealCreated(alice.orgId(), "deal " + i).toString());
      }

      for (TestSocket socket : ours) {
        List<String> received = new ArrayList<>();
        for (int i = 0; i < published.size(); i++) {
          received.add(socket.next().path("id").asString());
        }
        socket.drain(SHORT).forEach(extra -> received.add(extra.path("id").asString()));
        assertThat(received).as("each event once, in order").isEqualTo(published);
      }
      for (TestSocket socket : theirs) {
        assertThat(socket.drain(SHORT)).as("another organization's events").isEmpty();
      }
    } finally {
      ours.forEach(TestSocket::close);
      theirs.forEach(TestSocket::close);
    }
  }

  @Test
  void aUsersLimitOfFiveCountsTheSocketsOfBothInstances() {
    TestUser carol = TestUsers.inNewOrganization("rep");
    List<TestSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        sockets.add(eventsSocket(one, carol));
      }
      sockets.add(eventsSocket(two, carol));
      sockets.add(eventsSocket(two, carol));

      TestSocket sixthOnTwo = open(two, carol);
      sockets.add(sixthOnTwo);
      TestSocket.Closed refused = sixthOnTwo.closed(CLOSE);
      assertThat(refused.code()).isEqualTo(CloseCodes.TOO_MANY_SOCKETS);
      assertThat(refused.reason()).contains("at most 5");
      TestSocket sixthOnOne = open(one, carol);
      sockets.add(sixthOnOne);
      assertThat(sixthOnOne.closed(CLOSE).code()).isEqualTo(CloseCodes.TOO_MANY_SOCKETS);
      assertThat(sockets.subList(0, 5)).noneMatch(TestSocket::isClosed);

      sockets.remove(0).close();
      await().atMost(CLOSE).until(() -> presence(carol).size() == 4);
      TestSocket again = eventsSocket(two, carol);
      sockets.add(again);
      assertThat(again.drain(SHORT)).as("admitted on the other instance: no close").isEmpty();
      assertThat(again.isClosed()).isFalse();
    } finally {
      sockets.forEach(TestSocket::close);
    }
  }

  @Test
  void aStoppedInstanceGivesItsPlacesBackAtOnce() {
    TestUser dave = TestUsers.inNewOrganization("rep");
    List<TestSocket> sockets = new ArrayList<>();
    ConfigurableApplicationContext three = instances.start();
    try {
      for (int i = 0; i < 5; i++) {
        sockets.add(eventsSocket(three, dave));
      }
      // Longer than the TTL: the instance's renewals keep its places.
      TestSocket refused = open(one, dave);
      sockets.add(refused);
      assertThat(refused.closed(CLOSE).code()).isEqualTo(CloseCodes.TOO_MANY_SOCKETS);
      sleep(SocketInstances.PRESENCE_TTL.multipliedBy(2));
      TestSocket stillRefused = open(one, dave);
      sockets.add(stillRefused);
      assertThat(stillRefused.closed(CLOSE).code()).isEqualTo(CloseCodes.TOO_MANY_SOCKETS);

      long stopping = System.nanoTime();
      three.close();
      assertThat(presence(dave)).isEmpty();
      assertThat(sockets.getFirst().closed(CLOSE))
          .as("told to reconnect elsewhere")
          .isEqualTo(new TestSocket.Closed(1001, "server shutting down"));

      TestSocket admitted = eventsSocket(one, dave);
      sockets.add(admitted);
      assertThat(Duration.ofNanos(System.nanoTime() - stopping))
          .as("admitted without waiting for the TTL")
          .isLessThan(SocketInstances.PRESENCE_TTL.plus(CLOSE));
      assertThat(admitted.drain(SHORT)).isEmpty();
      assertThat(admitted.isClosed()).isFalse();
    } finally {
      sockets.forEach(TestSocket::close);
      three.close();
    }
  }

  /**
   * An instance in this JVM cannot crash, so the test stops one and puts back the entries it held,
   * with the expiry its renewal had just given them: what a crashed instance leaves in Redis,
   * renewed by no one.
   */
  @Test
  void theEntriesOfACrashedInstanceStopCountingAfterTheTtl() {
    TestUser erin = TestUsers.inNewOrganization("rep");
    List<TestSocket> sockets = new ArrayList<>();
    ConfigurableApplicationContext three = instances.start();
    try {
      for (int i = 0; i < 5; i++) {
        sockets.add(eventsSocket(three, erin));
      }
      List<TypedTuple<String>> left = presence(erin);
      assertThat(left).hasSize(5);
      three.close();
      sockets.forEach(socket -> assertThat(socket.closed(CLOSE).code()).isEqualTo(1001));
      sockets.forEach(TestSocket::close);
      sockets.clear();
      long crashed = System.nanoTime();
      double lastRenewalExpiry =
          System.currentTimeMillis() + SocketInstances.PRESENCE_TTL.toMillis();
      left.forEach(
          entry ->
              redis()
                  .opsForZSet()
                  .add(key(erin), Objects.requireNonNull(entry.getValue()), lastRenewalExpiry)
                  .block(SHORT));

      TestSocket refused = open(one, erin);
      sockets.add(refused);
      assertThat(refused.closed(CLOSE).code())
          .as("the crashed instance's sockets still count")
          .isEqualTo(CloseCodes.TOO_MANY_SOCKETS);

      await()
          .atMost(SocketInstances.PRESENCE_TTL.plus(SHORT))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                TestSocket attempt = open(two, erin);
                sockets.add(attempt);
                return admitted(attempt);
              });
      assertThat(Duration.ofNanos(System.nanoTime() - crashed))
          .isLessThan(SocketInstances.PRESENCE_TTL.plus(SHORT));
    } finally {
      sockets.forEach(TestSocket::close);
      three.close();
    }
  }

  @Test
  void withRedisUnavailableTheLimitCountsTheInstancesOwnSockets() throws IOException {
    TestUser frank = TestUsers.inNewOrganization("rep");
    int unused;
    try (ServerSocket free = new ServerSocket(0)) {
      unused = free.getLocalPort();
    }
    List<TestSocket> sockets = new ArrayList<>();
    ConfigurableApplicationContext withoutRedis =
        instances.start(Map.of("spring.data.redis.port", unused));
    try {
      for (int i = 0; i < 5; i++) {
        sockets.add(eventsSocket(withoutRedis, frank));
      }
      TestSocket sixth = open(withoutRedis, frank);
      sockets.add(sixth);
      assertThat(sixth.closed(CLOSE).code()).isEqualTo(CloseCodes.TOO_MANY_SOCKETS);
      assertThat(sockets.subList(0, 5)).noneMatch(TestSocket::isClosed);
      assertThat(presence(frank)).as("nothing reached Redis").isEmpty();
    } finally {
      sockets.forEach(TestSocket::close);
      withoutRedis.close();
    }
  }

  private static TestSocket open(ConfigurableApplicationContext instance, TestUser user) {
    return TestSocket.open(SocketInstances.port(instance), "/ws/events?token=" + user.token());
  }

  private static TestSocket eventsSocket(ConfigurableApplicationContext instance, TestUser user) {
    TestSocket socket = open(instance, user);
    assertThat(socket.next().path("event").asString()).isEqualTo("connection.ready");
    return socket;
  }

  /** Whether the socket was told it is connected and stays open for a moment. */
  private static boolean admitted(TestSocket socket) {
    List<JsonNode> said = socket.drain(Duration.ofMillis(500));
    return !socket.isClosed()
        && said.stream()
            .anyMatch(message -> "connection.ready".equals(message.path("event").asString()));
  }

  private static ReactiveStringRedisTemplate redis() {
    return one.getBean(ReactiveStringRedisTemplate.class);
  }

  private static String key(TestUser user) {
    return "dealflow:realtime:sockets:events:" + user.id();
  }

  private static List<TypedTuple<String>> presence(TestUser user) {
    List<TypedTuple<String>> entries =
        redis()
            .opsForZSet()
            .rangeWithScores(key(user), Range.closed(0L, -1L))
            .collectList()
            .block(SHORT);
    return entries == null ? List.of() : entries;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
