package io.dealflow.crm;

import io.dealflow.devstack.Devstack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what crm-service published on Kafka: the CloudEvents envelopes of one aggregate (the
 * message key) on one topic, from the topic's beginning.
 */
public final class Topics {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** How long to keep reading after the expected events arrived, to see any duplicate. */
  private static final Duration QUIET = Duration.ofMillis(1500);

  private Topics() {}

  /** Exactly the events the aggregate has on the topic, once {@code expected} have arrived. */
  public static List<JsonNode> events(String topic, UUID aggregateId, int expected) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            Devstack.kafka().bootstrapServers(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed");
    List<JsonNode> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      Instant deadline = Instant.now().plus(WAIT);
      List<TopicPartition> partitions = List.of();
      while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(2));
        partitions =
            infos == null
                ? List.of()
                : infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        if (partitions.isEmpty()) {
          sleep(200);
        }
      }
      if (partitions.isEmpty()) {
        return found;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Instant quietUntil = null;
      while (Instant.now().isBefore(deadline)
          && (quietUntil == null || Instant.now().isBefore(quietUntil))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
          if (aggregateId.toString().equals(record.key())) {
            found.add(JSON.readTree(record.value()));
          }
        }
        if (quietUntil == null && found.size() >= expected) {
          quietUntil = Instant.now().plus(QUIET);
        }
      }
    }
    return found;
  }

  /** The {@code data} of exactly one event of the aggregate on the topic. */
  public static JsonNode single(String topic, UUID aggregateId) {
    List<JsonNode> events = events(topic, aggregateId, 1);
    if (events.size() != 1) {
      throw new AssertionError(
          "Expected one " + topic + " event for " + aggregateId + ", got " + events);
    }
    return events.getFirst().get("data");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
