package io.dealflow.platform.events;

import static io.dealflow.platform.events.OutboxWhileKafkaIsDownIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.event.EventType;
import io.dealflow.platform.events.ProbeApplication.ItemAdded;
import io.dealflow.platform.events.ProbeApplication.Items;
import io.dealflow.platform.test.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of a service consume side by side: a subscription applied once per service has each
 * event applied once between them; one every instance receives reaches both.
 */
@SpringBootTest(
    classes = ProbeApplication.class,
    properties = "spring.main.web-application-type=none")
class InstancesIT {

  static final EventType<ItemAdded> ADDED = EventType.of("probe.instances.seen", ItemAdded.class);
  static final int EVENTS = 30;

  @Autowired Items items;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired KafkaSettings kafka;
  @Autowired EventsProperties properties;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestDatabases.register(registry, "events");
    registry.add("dealflow.events.bootstrap-servers", () -> Devstack.kafka().bootstrapServers());
  }

  /** A second instance's consumers, on the same database and Kafka as this context's. */
  private EventConsumers instance(List<EventSubscription> subscriptions) {
    return new EventConsumers(
        subscriptions,
        jdbc,
        new TransactionTemplate(transactions),
        kafka,
        new DeadLetters(
            jdbc,
            new KafkaProducer<>(
                Map.<String, Object>copyOf(kafka.producerConfig()),
                new StringSerializer(),
                new ByteArraySerializer())),
        properties.consumer(),
        new SimpleMeterRegistry());
  }

  @Test
  void onceAppliedSubscriptionsShareTheWorkAndEveryInstanceSubscriptionsReachEach() {
    Queue<String> first = new ConcurrentLinkedQueue<>();
    Queue<String> second = new ConcurrentLinkedQueue<>();
    EventConsumers one =
        instance(
            List.of(
                EventSubscription.of(
                    "shared-effect", ProbeApplication.recordingEffect(jdbc, "shared"), ADDED),
                EventSubscription.everyInstance(
                    "sockets", event -> first.add(event.subject()), List.of(ADDED.topic()))));
    EventConsumers two =
        instance(
            List.of(
                EventSubscription.of(
                    "shared-effect", ProbeApplication.recordingEffect(jdbc, "shared"), ADDED),
                EventSubscription.everyInstance(
                    "sockets", event -> second.add(event.subject()), List.of(ADDED.topic()))));
    one.start();
    two.start();
    try {
      // An instance sees what is published while it runs: give both time to join.
      Thread.sleep(3000);
      UUID org = UUID.randomUUID();
      for (int n = 1; n <= EVENTS; n++) {
        items.add(ADDED, org, UUID.randomUUID(), n);
      }

      awaitTrue(
          () -> first.size() >= EVENTS && second.size() >= EVENTS && effects() >= EVENTS,
          Duration.ofSeconds(60),
          "every event at both instances and applied");
      Thread.sleep(1000);
      assertThat(effects()).as("applied once between the two instances").isEqualTo(EVENTS);
      assertThat(first).hasSize(EVENTS).doesNotHaveDuplicates();
      assertThat(second).containsExactlyInAnyOrderElementsOf(first);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      one.stop();
      two.stop();
    }
  }

  private long effects() {
    return jdbc.sql("SELECT count(*) FROM probe_effect WHERE consumer = 'shared'")
        .query(Long.class)
        .single();
  }
}
