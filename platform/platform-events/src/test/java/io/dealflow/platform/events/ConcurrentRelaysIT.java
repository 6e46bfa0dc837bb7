package io.dealflow.platform.events;

import static io.dealflow.platform.events.OutboxWhileKafkaIsDownIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.event.EventType;
import io.dealflow.platform.events.ProbeApplication.ItemAdded;
import io.dealflow.platform.events.ProbeApplication.Items;
import io.dealflow.platform.test.EventProbe;
import io.dealflow.platform.test.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Three instances of a service share one database: their relays run side by side on the same
 * outbox, and every event still reaches Kafka once, each aggregate's in order.
 */
@SpringBootTest(
    classes = ProbeApplication.class,
    properties = {"spring.main.web-application-type=none", "dealflow.events.relay.interval=100ms"})
class ConcurrentRelaysIT {

  static final EventType<ItemAdded> ADDED = EventType.of("probe.instances.added", ItemAdded.class);

  @Autowired Items items;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired OutboxRelay ownRelay;
  @Autowired KafkaSettings kafka;
  @Autowired EventsProperties properties;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestDatabases.register(registry, "events");
    registry.add("dealflow.events.bootstrap-servers", () -> Devstack.kafka().bootstrapServers());
  }

  @Test
  void relaysOfSeveralInstancesPublishEachEventOnceAndInOrder() {
    List<OutboxRelay> others = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Map<String, Object> config = new HashMap<>(kafka.producerConfig());
      OutboxRelay relay =
          new OutboxRelay(
              jdbc,
              new TransactionTemplate(transactions),
              new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
              properties.relay());
      relay.start();
      others.add(relay);
    }
    UUID org = UUID.randomUUID();
    List<UUID> aggregates = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    try (EventProbe probe =
        new EventProbe(Devstack.kafka().bootstrapServers(), List.of(ADDED.topic()))) {
      for (int n = 1; n <= 50; n++) {
        for (UUID aggregate : aggregates) {
          items.add(ADDED, org, aggregate, n);
        }
      }

      awaitTrue(
          () ->
              jdbc.sql("SELECT count(*) FROM dealflow_events.outbox").query(Long.class).single()
                  == 0,
          Duration.ofSeconds(60),
          "the outbox drained");
      List<EventProbe.Received> published =
          probe.allMatching(
              r ->
                  r.envelope() != null
                      && org.toString().equals(r.envelope().path("orgid").asString()),
              Duration.ofSeconds(3));
      assertThat(published).hasSize(150);
      assertThat(published.stream().map(r -> r.envelope().get("id").asString()).distinct())
          .hasSize(150);
      for (UUID aggregate : aggregates) {
        assertThat(
                published.stream()
                    .filter(r -> r.subject().equals(aggregate.toString()))
                    .map(r -> r.data().get("n").asInt())
                    .toList())
            .as("events of %s in the order written", aggregate)
            .isSorted()
            .hasSize(50);
      }
    } finally {
      others.forEach(OutboxRelay::stop);
    }
    assertThat(ownRelay.isRunning()).isTrue();
  }
}
