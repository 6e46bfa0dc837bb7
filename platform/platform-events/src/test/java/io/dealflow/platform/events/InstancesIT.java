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
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
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
  static final EventType<ItemAdded> HISTORY =
      EventType.of("probe.instances.history", ItemAdded.class);
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
            new TransactionTemplate(transactions),
            new KafkaProducer<>(
                Map.<String, Object>copyOf(kafka.producerConfig()),
                new StringSerializer(),
                new ByteArraySerializer()),
            () -> {}),
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

  @Test
  void everyInstanceSubscriptionStartsAtTheNewestEventAndJoinsNoGroup() throws Exception {
    UUID org = UUID.randomUUID();
    for (int n = 1; n <= 100; n++) {
      items.add(HISTORY, org, UUID.randomUUID(), n);
    }
    awaitTrue(
        () ->
            jdbc.sql("SELECT count(*) FROM dealflow_events.outbox").query(Long.class).single() == 0,
        Duration.ofSeconds(60),
        "the 100 events on Kafka");
    Queue<Integer> seen = new ConcurrentLinkedQueue<>();
    EventConsumers fresh =
        instance(
            List.of(
                EventSubscription.everyInstance(
                    "late-sockets",
                    event -> seen.add(event.data().get("n").asInt()),
                    List.of(HISTORY.topic()))));
    fresh.start();
    try {
      awaitTrue(
          () ->
              fresh.statuses().values().stream()
                  .allMatch(status -> status.state() == ConsumerLoop.State.RUNNING),
          Duration.ofSeconds(30),
          "the new instance consuming");

      items.add(HISTORY, org, UUID.randomUUID(), 101);

      awaitTrue(() -> seen.contains(101), Duration.ofSeconds(30), "the next event delivered");
      Thread.sleep(500);
      assertThat(seen).as("none of the events from before it started").containsExactly(101);
      try (Admin admin = Admin.create(kafka.adminConfig("groups"))) {
        assertThat(admin.listGroups().all().get(10, TimeUnit.SECONDS))
            .extracting(GroupListing::groupId)
            .noneMatch(group -> group.contains("late-sockets"));
      }
    } finally {
      fresh.stop();
    }
  }

  private long effects() {
    return jdbc.sql("SELECT count(*) FROM probe_effect WHERE consumer = 'shared'")
        .query(Long.class)
        .single();
  }
}
