package io.dealflow.platform.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the events on some topics as any consumer would, to assert what a service published. It
 * reads each topic from its beginning (a group of its own), so tests pick their events by what is
 * unique to them: the aggregate id ({@code subject}), the organization, a field of the data. Every
 * event of a type the AsyncAPI document describes is checked against its schema as it arrives: a
 * produced event that does not match fails the test that reads it.
 */
public final class EventProbe implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<Received> seen = new ArrayList<>();
  private final EventSchemas schemas = EventSchemas.load();

  /**
   * An event as it was on the wire.
   *
   * @param topic its topic
   * @param key its Kafka key
   * @param envelope the CloudEvents JSON document, or null when the message is no JSON
   * @param headers the message's headers (the last value of each)
   */
  public record Received(
      String topic, String key, @Nullable JsonNode envelope, Map<String, String> headers) {

    public String type() {
      return envelope == null ? "" : envelope.path("type").asString("");
    }

    public String subject() {
      return envelope == null ? "" : envelope.path("subject").asString("");
    }

    public JsonNode data() {
      return envelope == null
          ? tools.jackson.databind.node.MissingNode.getInstance()
          : envelope.path("data");
    }
  }

  public EventProbe(String bootstrapServers, List<String> topics) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                1000),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    consumer.subscribe(topics);
  }

  /** The first event (seen before or arriving within {@code timeout}) that matches. */
  public Received await(Predicate<Received> matching, Duration timeout) {
    List<Received> found = awaitCount(matching, 1, timeout);
    return found.getFirst();
  }

  /**
   * Waits until {@code count} matching events were seen and answers all matching ones seen by then.
   *
   * @throws AssertionError when fewer arrived within {@code timeout}
   */
  public List<Received> awaitCount(Predicate<Received> matching, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Received> found = seen.stream().filter(matching).toList();
      if (found.size() >= count) {
        return found;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "Expected "
                + count
                + " matching event(s) within "
                + timeout
                + ", saw "
                + found.size()
                + " matching of "
                + seen.size()
                + ": "
                + seen.stream().map(r -> r.type() + " " + r.subject()).toList());
      }
      poll(Duration.ofMillis(250));
    }
  }

  /** Every event that matches, after reading for {@code quiet} more. */
  public List<Received> allMatching(Predicate<Received> matching, Duration quiet) {
    long deadline = System.nanoTime() + quiet.toNanos();
    while (System.nanoTime() < deadline) {
      poll(Duration.ofMillis(250));
    }
    return seen.stream().filter(matching).toList();
  }

  public static Predicate<Received> ofType(String type) {
    return received -> received.type().equals(type);
  }

  public static Predicate<Received> about(Object subject) {
    return received -> received.subject().equals(subject.toString());
  }

  private void poll(Duration duration) {
    for (ConsumerRecord<String, byte[]> record : consumer.poll(duration)) {
      Map<String, String> headers = new java.util.LinkedHashMap<>();
      record
          .headers()
          .forEach(
              h ->
                  headers.put(
                      h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
      JsonNode envelope;
      try {
        envelope = JSON.readTree(record.value());
      } catch (RuntimeException notJson) {
        envelope = null;
      }
      if (envelope != null && schemas.types().contains(envelope.path("type").asString(""))) {
        schemas.assertValid(envelope);
      }
      seen.add(new Received(record.topic(), record.key(), envelope, headers));
    }
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
