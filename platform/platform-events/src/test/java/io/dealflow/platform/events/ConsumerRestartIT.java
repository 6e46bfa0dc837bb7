package io.dealflow.platform.events;

import static io.dealflow.platform.events.OutboxWhileKafkaIsDownIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.event.EventType;
import io.dealflow.platform.events.ProbeApplication.ItemAdded;
import io.dealflow.platform.events.ProbeApplication.Items;
import io.dealflow.platform.test.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A handler with a bug throws an {@link Error} on one event: the consumer does not die with it but
 * starts again with backoff, shows as DOWN meanwhile, and once the bug is gone applies that event
 * and every later one — nothing skipped, nothing dead-lettered, nothing applied twice.
 */
@SpringBootTest(
    classes = ProbeApplication.class,
    properties = {
      "spring.main.web-application-type=none",
      "dealflow.events.consumer.restart-min-backoff=200ms",
      "dealflow.events.consumer.restart-max-backoff=1s"
    })
@Import(ConsumerRestartIT.Consumers.class)
class ConsumerRestartIT {

  static final EventType<ItemAdded> ADDED = EventType.of("probe.bug.added", ItemAdded.class);
  static final String CONSUMER = "buggy-effect";
  static final String NAME = "probe-events." + CONSUMER;
  static final AtomicBoolean buggy = new AtomicBoolean(true);

  @Autowired Items items;
  @Autowired JdbcClient jdbc;
  @Autowired EventConsumersHealth health;
  @Autowired MeterRegistry meters;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestDatabases.register(registry, "events");
    registry.add("dealflow.events.bootstrap-servers", () -> Devstack.kafka().bootstrapServers());
  }

  @TestConfiguration
  static class Consumers {
    @Bean
    EventSubscription buggyEffect(JdbcClient jdbc) {
      EventHandler effect = ProbeApplication.recordingEffect(jdbc, CONSUMER);
      return EventSubscription.of(
          CONSUMER,
          event -> {
            if (buggy.get() && event.data().get("n").asInt() == 7) {
              throw new AssertionError("a bug in the handler at item 7");
            }
            effect.handle(event);
          },
          ADDED);
    }
  }

  @Test
  void handlerThrowingAnErrorRestartsTheConsumerWhichShowsDownAndSkipsNothing() {
    awaitTrue(
        () -> health.health().getStatus().equals(Status.UP),
        Duration.ofSeconds(60),
        "the consumer consuming");
    UUID org = UUID.randomUUID();
    UUID aggregate = UUID.randomUUID();
    for (int n = 1; n <= 20; n++) {
      items.add(ADDED, org, aggregate, n);
    }

    awaitTrue(() -> restarts() >= 3, Duration.ofSeconds(60), "the consumer restarted");
    Health down = health.health();
    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
    assertThat(down.getDetails().get(NAME).toString())
        .contains("RESTARTING")
        .contains("a bug in the handler at item 7");
    assertThat(meters.get("dealflow.events.consumer.up").tag("consumer", NAME).gauge().value())
        .isZero();
    assertThat(effects()).as("items 1 to 6, none after the bug").isEqualTo(6);

    buggy.set(false);

    awaitTrue(() -> effects() >= 20, Duration.ofSeconds(60), "every event applied after the fix");
    awaitTrue(
        () -> health.health().getStatus().equals(Status.UP),
        Duration.ofSeconds(30),
        "the consumer healthy again");
    assertThat(effects()).isEqualTo(20);
    assertThat(jdbc.sql("SELECT n FROM probe_effect ORDER BY seq").query(Integer.class).list())
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
    assertThat(
            jdbc.sql("SELECT count(*) FROM dealflow_events.dead_letter").query(Long.class).single())
        .isZero();
    assertThat(meters.get("dealflow.events.consumer.up").tag("consumer", NAME).gauge().value())
        .isEqualTo(1);
  }

  private long restarts() {
    Object detail = health.health().getDetails().get(NAME);
    return detail instanceof Map<?, ?> map && map.get("restarts") instanceof Long restarts
        ? restarts
        : 0;
  }

  private long effects() {
    return jdbc.sql("SELECT count(*) FROM probe_effect").query(Long.class).single();
  }
}
