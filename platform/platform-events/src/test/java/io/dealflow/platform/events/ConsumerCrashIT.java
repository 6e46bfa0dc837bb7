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
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * A consumer stops dead in the middle of a batch — effects of some events committed, their offsets
 * not — and a new one takes over: Kafka delivers those events again, and none is applied twice.
 */
@SpringBootTest(
    classes = ProbeApplication.class,
    properties = {
      "spring.main.web-application-type=none",
      "dealflow.events.consumer.session-timeout=6s"
    })
@Import(ConsumerCrashIT.Consumers.class)
class ConsumerCrashIT {

  static final EventType<ItemAdded> ADDED = EventType.of("probe.crash.added", ItemAdded.class);
  static final String CONSUMER = "crash-counter";
  static final int EVENTS = 100;
  static final int CRASH_AT = 30;

  static final AtomicBoolean firstRun = new AtomicBoolean(true);
  static final AtomicInteger handled = new AtomicInteger();
  static final CountDownLatch reachedCrashPoint = new CountDownLatch(1);
  static final CountDownLatch crashing = new CountDownLatch(1);

  @Autowired Items items;
  @Autowired JdbcClient jdbc;
  @Autowired EventConsumers consumers;
  @Autowired MeterRegistry meters;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestDatabases.register(registry, "events");
    registry.add("dealflow.events.bootstrap-servers", () -> Devstack.kafka().bootstrapServers());
  }

  @TestConfiguration
  static class Consumers {
    @Bean
    EventSubscription crashCounter(JdbcClient jdbc) {
      EventHandler effect = ProbeApplication.recordingEffect(jdbc, CONSUMER);
      return EventSubscription.of(
          CONSUMER,
          event -> {
            effect.handle(event);
            if (firstRun.get() && handled.incrementAndGet() == CRASH_AT) {
              reachedCrashPoint.countDown();
              // The effect of this event commits only after the consumer was told to die.
              crashing.await(30, TimeUnit.SECONDS);
            }
          },
          ADDED);
    }
  }

  @Test
  void consumerKilledMidBatchAndRestartedAppliesNothingTwice() throws Exception {
    UUID org = UUID.randomUUID();
    UUID aggregate = UUID.randomUUID();
    for (int n = 1; n <= EVENTS; n++) {
      items.add(ADDED, org, aggregate, n);
    }

    assertThat(reachedCrashPoint.await(60, TimeUnit.SECONDS)).isTrue();
    Thread killer = Thread.ofPlatform().start(consumers::abandonAll);
    Thread.sleep(200);
    crashing.countDown();
    killer.join(Duration.ofSeconds(40));
    firstRun.set(false);
    long appliedBeforeRestart = effects();
    assertThat(appliedBeforeRestart).isGreaterThanOrEqualTo(CRASH_AT).isLessThan(EVENTS);

    consumers.restart();

    awaitTrue(() -> effects() >= EVENTS, Duration.ofSeconds(90), "every event applied");
    Thread.sleep(1000);
    assertThat(effects()).isEqualTo(EVENTS);
    assertThat(
            jdbc.sql("SELECT count(DISTINCT event_id) FROM probe_effect")
                .query(Long.class)
                .single())
        .isEqualTo(EVENTS);
    double redeliveredAndSkipped =
        meters.get("dealflow.events.consumed").tag("outcome", "duplicate").counter().count();
    assertThat(redeliveredAndSkipped)
        .as("events Kafka delivered again after the crash, recognised as applied")
        .isGreaterThanOrEqualTo(1);
  }

  private long effects() {
    return jdbc.sql("SELECT count(*) FROM probe_effect").query(Long.class).single();
  }
}
