package io.dealflow.platform.test;

import io.dealflow.devstack.Devstack;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Another service's events, published as its outbox relay would, for a consumer under test. */
public final class TestEvents {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TestEvents() {}

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
