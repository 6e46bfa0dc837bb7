package io.dealflow.platform.events;

import static io.dealflow.platform.events.OutboxWhileKafkaIsDownIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.event.EventType;
import io.dealflow.platform.events.ProbeApplication.ItemAdded;
import io.dealflow.platform.events.ProbeApplication.Items;
import io.dealflow.platform.test.KafkaProcess;
import io.dealflow.platform.test.TestDatabases;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.NestedTestConfiguration;

/**
 * A Kafka that lets in only clients with SCRAM credentials, as managed clusters do: a service given
 * its credentials through {@code spring.kafka.properties.*} publishes through its outbox and
 * consumes; one with wrong credentials delivers nothing and says why (the outbox row's error, the
 * consumer's health).
 */
class KafkaWithScramIT {

  static final EventType<ItemAdded> ADDED = EventType.of("probe.scram.added", ItemAdded.class);
  static final String CONSUMER = "scram-effect";
  static final String USER = "dealflow-probe";
  static final String PASSWORD = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));

  private static KafkaProcess kafka;

  static synchronized KafkaProcess kafka() {
    if (kafka == null) {
      kafka = KafkaProcess.startWithScram(USER, PASSWORD);
    }
    return kafka;
  }

  @AfterAll
  static void stopKafka() {
    if (kafka != null) {
      kafka.close();
    }
  }

  static void register(DynamicPropertyRegistry registry, String password) {
    TestDatabases.register(registry, "events");
    registry.add("spring.kafka.bootstrap-servers", () -> kafka().saslBootstrapServers());
    registry.add("spring.kafka.properties.security.protocol", () -> "SASL_PLAINTEXT");
    registry.add("spring.kafka.properties.sasl.mechanism", () -> KafkaProcess.SCRAM_MECHANISM);
    registry.add(
        "spring.kafka.properties.sasl.jaas.config",
        () ->
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + USER
                + "\" password=\""
                + password
                + "\";");
  }

  @TestConfiguration
  static class Consumers {
    @Bean
    EventSubscription scramEffect(JdbcClient jdbc) {
      return EventSubscription.of(
          CONSUMER, ProbeApplication.recordingEffect(jdbc, CONSUMER), ADDED);
    }
  }

  @Nested
  @NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
  @SpringBootTest(
      classes = ProbeApplication.class,
      properties = {
        "spring.main.web-application-type=none",
        "dealflow.events.relay.interval=200ms"
      })
  @Import(Consumers.class)
  class WithItsCredentials {

    @Autowired Items items;
    @Autowired JdbcClient jdbc;
    @Autowired EventConsumersHealth health;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
      register(registry, PASSWORD);
    }

    @Test
    void serviceWithCredentialsPublishesThroughTheOutboxAndConsumes() {
      UUID aggregate = UUID.randomUUID();

      items.add(ADDED, UUID.randomUUID(), aggregate, 1);

      awaitTrue(
          () ->
              jdbc.sql("SELECT count(*) FROM probe_effect WHERE aggregate_id = :agg")
                      .param("agg", aggregate)
                      .query(Long.class)
                      .single()
                  == 1,
          Duration.ofSeconds(60),
          "the event published and consumed over SASL");
      assertThat(jdbc.sql("SELECT count(*) FROM dealflow_events.outbox").query(Long.class).single())
          .isZero();
      awaitTrue(
          () -> health.health().getStatus().equals(Status.UP),
          Duration.ofSeconds(30),
          "the consumer healthy");
    }
  }

  @Nested
  @NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
  @SpringBootTest(
      classes = ProbeApplication.class,
      properties = {
        "spring.main.web-application-type=none",
        "dealflow.events.relay.interval=200ms",
        "dealflow.events.relay.min-backoff=200ms",
        "dealflow.events.consumer.restart-min-backoff=200ms",
        "dealflow.events.consumer.restart-max-backoff=1s"
      })
  @Import(Consumers.class)
  class WithWrongCredentials {

    @Autowired Items items;
    @Autowired JdbcClient jdbc;
    @Autowired EventConsumersHealth health;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
      register(registry, "not-" + PASSWORD);
    }

    @Test
    void serviceWithWrongCredentialsIsRefusedAndSaysSo() throws InterruptedException {
      UUID aggregate = UUID.randomUUID();

      items.add(ADDED, UUID.randomUUID(), aggregate, 1);

      awaitTrue(
          () ->
              jdbc.sql(
                          "SELECT count(*) FROM dealflow_events.outbox"
                              + " WHERE last_error LIKE '%Authentication failed%'")
                      .query(Long.class)
                      .single()
                  == 1,
          Duration.ofSeconds(60),
          "the relay refused, with the reason on the outbox row");
      awaitTrue(
          () -> String.valueOf(health.health().getDetails()).contains("Authentication failed"),
          Duration.ofSeconds(30),
          "the consumer's health naming the refusal");
      assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
      Thread.sleep(1000);
      assertThat(jdbc.sql("SELECT count(*) FROM probe_effect").query(Long.class).single()).isZero();
    }
  }
}
