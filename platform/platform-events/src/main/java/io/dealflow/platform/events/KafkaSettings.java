package io.dealflow.platform.events;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.core.env.Environment;

/**
 * Where Kafka is and how this service talks to it.
 *
 * @param bootstrapServers the brokers
 * @param application the service's name, which prefixes client ids and consumer groups
 * @param source the CloudEvents {@code source} of this service's events
 */
record KafkaSettings(String bootstrapServers, String application, String source) {

  static KafkaSettings of(EventsProperties properties, Environment environment) {
    String application = environment.getProperty("spring.application.name", "dealflow-service");
    String servers = properties.bootstrapServers();
    if (servers == null || servers.isBlank()) {
      servers = environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092");
    }
    String source = properties.source();
    return new KafkaSettings(
        servers,
        application,
        source == null || source.isBlank() ? "/dealflow/" + application : source);
  }

  /**
   * An idempotent producer that waits for every in-sync replica ({@code acks=all}); it gives up on
   * reaching Kafka after a few seconds instead of the default minute, so that a relay round with
   * Kafka down ends soon and is retried.
   */
  Map<String, Object> producerConfig() {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
        ProducerConfig.LINGER_MS_CONFIG, 5,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
  }

  String clientId(String role) {
    return application + "-" + role;
  }

  String consumerGroup(String subscription) {
    return application + "." + subscription;
  }
}
