package io.dealflow.platform.test;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.event.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Another service's events, published as its outbox relay would, for a consumer under test. */
public final class TestEvents {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonMapper SNAKE_CASE =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private TestEvents() {}

  /**
   * Another service's event as its outbox relay writes it: the catalogue's payload record in
   * snake_case in a CloudEvents 1.0 envelope of {@code orgId}, keyed by {@code subject}, at {@code
   * time} (the test's choice), with a trace context.
   *
   * @param source the producing service, e.g. {@code /dealflow/crm-service}
   */
  public static <T> ObjectNode envelope(
      EventType<T> type, String source, UUID orgId, Object subject, Instant time, T data) {
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("specversion", "1.0");
    envelope.put("id", UUID.randomUUID().toString());
    envelope.put("source", source);
    envelope.put("type", type.name());
    envelope.put("subject", subject.toString());
    envelope.put("time", time.toString());
    envelope.put("datacontenttype", "application/json");
    envelope.put("orgid", orgId.toString());
    envelope.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    envelope.set("data", SNAKE_CASE.valueToTree(data));
    return envelope;
  }

  /**
   * Checks a CloudEvents envelope against the AsyncAPI document, then publishes it on its type's
   * topic, keyed by its subject, with the structured-mode content type, and waits for the ack.
   */
  public static void publish(ObjectNode envelope) {
    EventSchemas.load().assertValid(envelope);
    String type = envelope.get("type").asString();
    try (var producer =
        new KafkaProducer<String, byte[]>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Devstack.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(
              type,
              envelope.get("subject").asString(),
              JSON.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8));
      record
          .headers()
          .add(
              "content-type",
              "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("Could not publish " + type, e);
    }
  }
}
