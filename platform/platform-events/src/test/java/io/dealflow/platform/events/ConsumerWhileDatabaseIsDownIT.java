package io.dealflow.platform.events;

import static io.dealflow.platform.events.OutboxWhileKafkaIsDownIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.events.ProbeApplication.ItemAdded;
import io.dealflow.platform.test.TcpProxy;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL refuses the consumer's connections for 30 seconds while 200 events arrive (a TCP proxy
 * between the service and PostgreSQL is closed and opened again): no event is dead-lettered, the
 * consumer shows as failing meanwhile, and once the database is back every event is applied exactly
 * once, each aggregate's in order.
 */
@SpringBootTest(
    classes = ProbeApplication.class,
    properties = {
      "spring.main.web-application-type=none",
      "spring.datasource.hikari.connection-timeout=1000",
      "spring.datasource.hikari.validation-timeout=500",
      "dealflow.events.consumer.max-attempts=2",
      "dealflow.events.consumer.backoff=50ms",
      "dealflow.events.consumer.transient-min-backoff=200ms",
      "dealflow.events.consumer.transient-max-backoff=2s"
    })
@Import(ConsumerWhileDatabaseIsDownIT.Consumers.class)
class ConsumerWhileDatabaseIsDownIT {

  static final String TOPIC = "probe.dboutage.added";
  static final String CONSUMER = "outage-effect";
  static final Duration OUTAGE = Duration.ofSeconds(30);

  private static TcpProxy proxy;
  private static JdbcClient direct;

  @Autowired EventConsumersHealth health;
  @Autowired MeterRegistry meters;
  @Autowired KafkaSettings kafka;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    var postgres = Devstack.postgres();
    String database = postgres.createFreshDatabase("events");
    String hosts = postgres.hosts().split(",")[0];
    int colon = hosts.lastIndexOf(':');
    proxy =
        TcpProxy.start(
            colon < 0 ? hosts : hosts.substring(0, colon),
            colon < 0 ? 5432 : Integer.parseInt(hosts.substring(colon + 1)));
    String proxied =
        postgres
            .jdbcUrl(database)
            .replace("//" + postgres.hosts() + "/", "//127.0.0.1:" + proxy.port() + "/");
    registry.add("spring.datasource.url", () -> proxied);
    registry.add("spring.datasource.username", postgres::username);
    registry.add("spring.datasource.password", postgres::password);
    registry.add("dealflow.events.bootstrap-servers", () -> Devstack.kafka().bootstrapServers());
    direct =
        JdbcClient.create(
            new DriverManagerDataSource(
                postgres.jdbcUrl(database), postgres.username(), postgres.password()));
  }

  @AfterAll
  static void closeProxy() {
    if (proxy != null) {
      proxy.close();
    }
  }

  @TestConfiguration
  static class Consumers {
    @Bean
    EventSubscription outageEffect(JdbcClient jdbc) {
      return new EventSubscription(
          CONSUMER,
          List.of(TOPIC),
          ProbeApplication.recordingEffect(jdbc, CONSUMER),
          EventSubscription.Delivery.ONCE_PER_SERVICE);
    }
  }

  @Test
  void eventsArrivingWhileTheDatabaseRefusesAreAppliedOnceAfterItReturnsAndNoneIsDeadLettered()
      throws Exception {
    awaitTrue(
        () -> health.health().getStatus().equals(Status.UP),
        Duration.ofSeconds(60),
        "the consumer consuming");
    List<UUID> aggregates = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      aggregates.add(UUID.randomUUID());
    }

    proxy.refuse();
    long outageStarted = System.nanoTime();
    publish(aggregates, 200);

    awaitTrue(
        () -> health.health().getStatus().equals(Status.DOWN),
        Duration.ofSeconds(20),
        "the consumer shown as failing");
    assertThat(health.health().getDetails().toString())
        .contains("HOLDING")
        .contains("probe-events." + CONSUMER);
    assertThat(
            meters
                .get("dealflow.events.consumer.up")
                .tag("consumer", "probe-events." + CONSUMER)
                .gauge()
                .value())
        .isZero();
    Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - outageStarted) / 1_000_000));
    assertThat(count("SELECT count(*) FROM probe_effect")).isZero();
    proxy.accept();

    awaitTrue(
        () -> count("SELECT count(*) FROM probe_effect") >= 200,
        Duration.ofSeconds(60),
        "all 200 events applied after the database returned");
    Thread.sleep(1000);
    assertThat(count("SELECT count(*) FROM probe_effect")).isEqualTo(200);
    assertThat(count("SELECT count(DISTINCT event_id) FROM probe_effect")).isEqualTo(200);
    assertThat(count("SELECT count(*) FROM dealflow_events.dead_letter")).isZero();
    assertThat(messagesOn(TOPIC + ".dlt")).as("messages on the dead-letter topic").isZero();
    for (UUID aggregate : aggregates) {
      assertThat(
              direct
                  .sql("SELECT n FROM probe_effect WHERE aggregate_id = :agg ORDER BY seq")
                  .param("agg", aggregate)
                  .query(Integer.class)
                  .list())
          .as("items of %s in the order published", aggregate)
          .isSorted()
          .hasSize(20);
    }
    awaitTrue(
        () -> health.health().getStatus().equals(Status.UP),
        Duration.ofSeconds(10),
        "the consumer healthy again");
    assertThat(
            meters
                .get("dealflow.events.consumed")
                .tag("consumer", "probe-events." + CONSUMER)
                .tag("outcome", "dead_lettered")
                .counter()
                .count())
        .isZero();
  }

  /** Publishes straight to Kafka: the producing side needs no database here. */
  private static void publish(List<UUID> aggregates, int events) {
    UUID org = UUID.randomUUID();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", Devstack.kafka().bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < events; i++) {
        UUID aggregate = aggregates.get(i % aggregates.size());
        String envelope =
            CloudEvents.envelope(
                    UUID.randomUUID(),
                    "/dealflow/probe-test",
                    TOPIC,
                    aggregate.toString(),
                    Instant.now(),
                    org,
                    null,
                    EventJson.MAPPER.valueToTree(
                        new ItemAdded(UUID.randomUUID(), i / aggregates.size() + 1)))
                .toString();
        producer.send(
            new ProducerRecord<>(
                TOPIC, aggregate.toString(), envelope.getBytes(StandardCharsets.UTF_8)));
      }
    }
  }

  /** How many messages a topic ever received (its partitions' end offsets). */
  static long messagesOn(String topic, KafkaSettings kafka) throws Exception {
    try (Admin admin = Admin.create(kafka.adminConfig("test-offsets"))) {
      Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
      for (var partition :
          admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()) {
        ends.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
      }
      long total = 0;
      for (var end : admin.listOffsets(ends).all().get().values()) {
        total += end.offset();
      }
      return total;
    }
  }

  private long messagesOn(String topic) throws Exception {
    return messagesOn(topic, kafka);
  }

  private static long count(String sql) {
    return direct.sql(sql).query(Long.class).single();
  }
}
