package io.dealflow.platform.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Where Kafka is and how this service talks to it.
 *
 * <p>Every Kafka client property (security, SASL, TLS, timeouts, ...) comes from Spring Boot's
 * names: {@code spring.kafka.properties.*} for every client, then {@code
 * spring.kafka.producer.properties.*}, {@code spring.kafka.consumer.properties.*} and {@code
 * spring.kafka.admin.properties.*} for one kind, so {@code
 * SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL=SASL_SSL} in the environment reaches every client the
 * platform creates. What the platform's guarantees rest on (acknowledgement by every in-sync
 * replica, idempotence, offsets committed only by the consumer loop, the bootstrap servers, client
 * ids and groups) is set after them and cannot be changed that way.
 *
 * @param bootstrapServers the brokers
 * @param application the service's name, which prefixes client ids and consumer groups
 * @param source the CloudEvents {@code source} of this service's events
 * @param common client properties for every client
 * @param producer client properties for producers only
 * @param consumer client properties for consumers only
 * @param admin client properties for admin clients only
 */
record KafkaSettings(
    String bootstrapServers,
    String application,
    String source,
    Map<String, String> common,
    Map<String, String> producer,
    Map<String, String> consumer,
    Map<String, String> admin) {

  KafkaSettings {
    common = Map.copyOf(common);
    producer = Map.copyOf(producer);
    consumer = Map.copyOf(consumer);
    admin = Map.copyOf(admin);
  }

  static KafkaSettings of(EventsProperties properties, Environment environment) {
    String application = environment.getProperty("spring.application.name", "dealflow-service");
    String servers = properties.bootstrapServers();
    if (servers == null || servers.isBlank()) {
      servers = environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092");
    }
    String source = properties.source();
    Binder binder = Binder.get(environment);
    return new KafkaSettings(
        servers,
        application,
        source == null || source.isBlank() ? "/dealflow/" + application : source,
        clientProperties(binder, "spring.kafka.properties"),
        clientProperties(binder, "spring.kafka.producer.properties"),
        clientProperties(binder, "spring.kafka.consumer.properties"),
        clientProperties(binder, "spring.kafka.admin.properties"));
  }

  private static Map<String, String> clientProperties(Binder binder, String prefix) {
    return binder.bind(prefix, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
  }

  /**
   * An idempotent producer that waits for every in-sync replica ({@code acks=all}); it gives up on
   * reaching Kafka after a few seconds instead of the default minute, so that a relay round with
   * Kafka down ends soon and is retried.
   */
  Map<String, Object> producerConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
    config.putAll(common);
    config.putAll(producer);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    return config;
  }

  /**
   * A consumer that commits only what the consumer loop tells it to. With a group, {@code
   * sessionTimeout} is how soon Kafka hands a silent member's partitions to the others (heartbeats
   * every third of it, at most every 3 s); without one (every-instance subscriptions) the consumer
   * is assigned its partitions and joins no group.
   */
  Map<String, Object> consumerConfig(String name, String group, Duration sessionTimeout) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
    config.putAll(common);
    config.putAll(consumer);
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId(name));
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    if (group.isEmpty()) {
      config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    } else {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
      long session = sessionTimeout.toMillis();
      config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) session);
      config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.min(3_000, session / 3));
    }
    return config;
  }

  /** An admin client (topic creation) that gives up after seconds, not the default minute. */
  Map<String, Object> adminConfig(String name) {
    Map<String, Object> config = new HashMap<>();
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    config.putAll(common);
    config.putAll(admin);
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId(name));
    return config;
  }

  String clientId(String role) {
    return application + "-" + role;
  }

  String consumerGroup(String subscription) {
    return application + "." + subscription;
  }
}
