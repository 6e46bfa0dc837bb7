package io.dealflow.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class KafkaSettingsTest {

  private static EventsProperties defaults(ConfigurableEnvironment environment) {
    return Binder.get(environment).bindOrCreate("dealflow.events", EventsProperties.class);
  }

  @Test
  void clientPropertiesFromTheEnvironmentReachProducersConsumersAndAdminClients() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                "test-systemEnvironment",
                Map.of(
                    "SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_SSL",
                    "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512",
                    "SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9093",
                    "SPRING_APPLICATION_NAME", "crm-service")));

    KafkaSettings kafka = KafkaSettings.of(defaults(environment), environment);

    for (Map<String, Object> config :
        new Map[] {
          kafka.producerConfig(),
          kafka.consumerConfig("scoring", "crm-service.scoring", Duration.ofSeconds(45)),
          kafka.adminConfig("topics")
        }) {
      assertThat(config)
          .containsEntry("security.protocol", "SASL_SSL")
          .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
          .containsEntry("bootstrap.servers", "kafka.example:9093");
    }
  }

  @Test
  void perKindPropertiesApplyToTheirKindOnlyAndTheGuaranteesCannotBeChanged() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("spring.kafka.properties.ssl.truststore.location", "/etc/kafka/ca.p12")
            .withProperty("spring.kafka.producer.properties.acks", "0")
            .withProperty("spring.kafka.producer.properties.compression.type", "zstd")
            .withProperty("spring.kafka.consumer.properties.enable.auto.commit", "true")
            .withProperty("spring.kafka.consumer.properties.fetch.max.wait.ms", "100")
            .withProperty("spring.kafka.admin.properties.request.timeout.ms", "20000");

    KafkaSettings kafka = KafkaSettings.of(defaults(environment), environment);

    assertThat(kafka.producerConfig())
        .containsEntry("ssl.truststore.location", "/etc/kafka/ca.p12")
        .containsEntry("compression.type", "zstd")
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
        .doesNotContainKey("fetch.max.wait.ms");
    assertThat(kafka.consumerConfig("scoring", "app.scoring", Duration.ofSeconds(45)))
        .containsEntry("ssl.truststore.location", "/etc/kafka/ca.p12")
        .containsEntry("fetch.max.wait.ms", "100")
        .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
        .doesNotContainKey("compression.type");
    assertThat(kafka.adminConfig("topics"))
        .containsEntry("ssl.truststore.location", "/etc/kafka/ca.p12")
        .containsEntry(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "20000");
  }

  @Test
  void sessionTimeoutIsTheGroupConsumersAndEveryInstanceConsumersJoinNoGroup() {
    MockEnvironment environment =
        new MockEnvironment().withProperty("dealflow.events.consumer.session-timeout", "6s");
    EventsProperties properties = defaults(environment);
    KafkaSettings kafka = KafkaSettings.of(properties, environment);

    Map<String, Object> grouped =
        kafka.consumerConfig("scoring", "app.scoring", properties.consumer().sessionTimeout());
    Map<String, Object> everyInstance =
        kafka.consumerConfig("sockets", "", properties.consumer().sessionTimeout());

    assertThat(grouped)
        .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "app.scoring")
        .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000)
        .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2000);
    assertThat(everyInstance)
        .doesNotContainKey(ConsumerConfig.GROUP_ID_CONFIG)
        .doesNotContainKey(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG);
  }
}
