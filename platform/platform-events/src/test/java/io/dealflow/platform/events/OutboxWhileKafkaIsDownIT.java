package io.dealflow.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.event.EventType;
import io.dealflow.platform.events.ProbeApplication.ItemAdded;
import io.dealflow.platform.events.ProbeApplication.Items;
import io.dealflow.platform.test.KafkaProcess;
import io.dealflow.platform.test.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Kafka stops (its process is killed) while the service keeps writing: every write succeeds, and
 * once Kafka is back every event reaches the consumer exactly once in effect, in order per
 * aggregate (the consumer here needs that order: it checks each aggregate's items arrive 1, 2, 3,
 * ...).
 */
@SpringBootTest(
    classes = ProbeApplication.class,
    properties = {
      "spring.main.web-application-type=none",
      "dealflow.events.relay.min-backoff=200ms",
      "dealflow.events.relay.max-backoff=2s",
      "dealflow.events.relay.interval=500ms"
    })
@Import(OutboxWhileKafkaIsDownIT.Consumers.class)
class OutboxWhileKafkaIsDownIT {

  static final EventType<ItemAdded> ADDED = EventType.of("probe.outage.added", ItemAdded.class);
  static final String CONSUMER = "outage-counter";
  private static KafkaProcess kafka;

  @Autowired Items items;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestDatabases.register(registry, "events");
    kafka = KafkaProcess.start();
    registry.add("dealflow.events.bootstrap-servers", kafka::bootstrapServers);
  }

  @AfterAll
  static void stopKafka() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @TestConfiguration
  static class Consumers {
    @Bean
    EventSubscription outageCounter(JdbcClient jdbc) {
      return EventSubscription.of(
          CONSUMER, ProbeApplication.recordingEffect(jdbc, CONSUMER), ADDED);
    }
  }

  @Test
  void writesSucceedWhileKafkaIsDownAndEveryEventArrivesOnceInOrderAfterItReturns() {
    kafka.kill();
    UUID org = UUID.randomUUID();
    List<UUID> aggregates = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      aggregates.add(UUID.randomUUID());
    }

    for (int i = 0; i < 200; i++) {
      items.add(ADDED, org, aggregates.get(i % 10), i / 10 + 1);
    }

    assertThat(count("SELECT count(*) FROM probe_item")).isEqualTo(200);
    assertThat(count("SELECT count(*) FROM dealflow_events.outbox")).isEqualTo(200);
    awaitTrue(
        () -> count("SELECT coalesce(max(attempts), 0) FROM dealflow_events.outbox") > 0,
        Duration.ofSeconds(30),
        "the relay tried while Kafka was down");
    assertThat(count("SELECT count(*) FROM probe_effect")).isZero();

    kafka.restart();

    awaitTrue(
        () -> count("SELECT count(*) FROM probe_effect") >= 200,
        Duration.ofSeconds(120),
        "all 200 events applied after Kafka returned");
    assertThat(count("SELECT count(*) FROM probe_effect")).isEqualTo(200);
    assertThat(count("SELECT count(DISTINCT event_id) FROM probe_effect")).isEqualTo(200);
    assertThat(count("SELECT count(*) FROM dealflow_events.outbox")).isZero();
    for (UUID aggregate : aggregates) {
      List<Integer> order =
          jdbc.sql("SELECT n FROM probe_effect WHERE aggregate_id = :agg ORDER BY seq")
              .param("agg", aggregate)
              .query(Integer.class)
              .list();
      assertThat(order)
          .as("items of aggregate %s in the order applied", aggregate)
          .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
    }
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  static void awaitTrue(Supplier<Boolean> condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting for: " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
