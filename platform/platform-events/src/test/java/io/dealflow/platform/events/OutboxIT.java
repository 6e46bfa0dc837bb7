package io.dealflow.platform.events;

import static io.dealflow.platform.events.OutboxWhileKafkaIsDownIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.event.EventType;
import io.dealflow.platform.events.ProbeApplication.ItemAdded;
import io.dealflow.platform.events.ProbeApplication.Items;
import io.dealflow.platform.test.EventProbe;
import io.dealflow.platform.test.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** What producers get from the outbox: events tied to their transaction, CloudEvents on Kafka. */
@SpringBootTest(
    classes = ProbeApplication.class,
    properties = "spring.main.web-application-type=none")
class OutboxIT {

  static final EventType<ItemAdded> ADDED = EventType.of("probe.outbox.added", ItemAdded.class);

  @Autowired Items items;
  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry meters;
  @Autowired OutboxRelay relay;
  @Autowired EventConsumers consumers;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestDatabases.register(registry, "events");
    registry.add("dealflow.events.bootstrap-servers", () -> Devstack.kafka().bootstrapServers());
  }

  @Test
  void eventIsPublishedAsACloudEventKeyedByItsAggregate() {
    UUID org = UUID.randomUUID();
    UUID aggregate = UUID.randomUUID();
    Instant before = Instant.now().minusSeconds(1);

    UUID item = items.add(ADDED, org, aggregate, 7);

    try (EventProbe probe =
        new EventProbe(Devstack.kafka().bootstrapServers(), List.of(ADDED.topic()))) {
      EventProbe.Received received =
          probe.await(EventProbe.about(aggregate), Duration.ofSeconds(30));
      assertThat(received.key()).isEqualTo(aggregate.toString());
      assertThat(received.headers()).containsEntry("content-type", CloudEvents.CONTENT_TYPE);
      JsonNode event = received.envelope();
      assertThat(event.get("specversion").asString()).isEqualTo("1.0");
      assertThat(UUID.fromString(event.get("id").asString())).isNotNull();
      assertThat(event.get("source").asString()).isEqualTo("/dealflow/probe-events");
      assertThat(event.get("type").asString()).isEqualTo("probe.outbox.added");
      assertThat(event.get("subject").asString()).isEqualTo(aggregate.toString());
      assertThat(Instant.parse(event.get("time").asString())).isAfter(before);
      assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
      assertThat(event.get("orgid").asString()).isEqualTo(org.toString());
      assertThat(event.get("traceparent").asString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
      assertThat(event.get("data").get("item_id").asString()).isEqualTo(item.toString());
      assertThat(event.get("data").get("n").asInt()).isEqualTo(7);
    }
    awaitTrue(
        () ->
            jdbc.sql("SELECT count(*) FROM dealflow_events.outbox").query(Long.class).single() == 0,
        Duration.ofSeconds(10),
        "the published event removed from the outbox");
  }

  @Test
  void aStoppedAndRestartedApplicationStillPublishes() {
    relay.stop();
    consumers.stop();
    relay.start();
    consumers.start();
    UUID aggregate = UUID.randomUUID();

    items.add(ADDED, UUID.randomUUID(), aggregate, 1);

    try (EventProbe probe =
        new EventProbe(Devstack.kafka().bootstrapServers(), List.of(ADDED.topic()))) {
      assertThat(probe.await(EventProbe.about(aggregate), Duration.ofSeconds(30)).key())
          .isEqualTo(aggregate.toString());
    }
  }

  @Test
  void rolledBackChangeLeavesNoEvent() {
    UUID aggregate = UUID.randomUUID();

    assertThatThrownBy(() -> items.addThenFail(ADDED, UUID.randomUUID(), aggregate))
        .isInstanceOf(IllegalStateException.class);

    assertThat(
            jdbc.sql("SELECT count(*) FROM dealflow_events.outbox WHERE event_key = :key")
                .param("key", aggregate.toString())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("SELECT count(*) FROM probe_item WHERE aggregate_id = :agg")
                .param("agg", aggregate)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void appendOutsideATransactionIsRefused() {
    assertThatThrownBy(
            () ->
                outbox.append(ADDED, UUID.randomUUID(), null, new ItemAdded(UUID.randomUUID(), 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("inside the transaction");
  }

  @Test
  void backlogAndDeadLetterGaugesAreRegistered() {
    assertThat(meters.get("dealflow.outbox.backlog").gauge().value()).isGreaterThanOrEqualTo(0);
    assertThat(meters.get("dealflow.outbox.oldest.age").gauge().value()).isGreaterThanOrEqualTo(0);
    assertThat(meters.get("dealflow.events.dead.letters").gauge().value()).isZero();
  }
}
