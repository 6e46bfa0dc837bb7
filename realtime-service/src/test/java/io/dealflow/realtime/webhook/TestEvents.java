package io.dealflow.realtime.webhook;

import io.dealflow.devstack.Devstack;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes events the way the suite's producers do: a CloudEvents JSON envelope, key = subject.
 */
final class TestEvents {

  static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TestEvents() {}

  /** Publishes a {@code deal.won} of the organization; answers the event's data. */
  static ObjectNode dealWon(UUID orgId, Instant time) {
    UUID dealId = UUID.randomUUID();
    ObjectNode data = JSON.createObjectNode();
    data.put("deal_id", dealId.toString());
    data.put("workspace_id", orgId.toString());
    data.put("value", 25000);
    publish("deal.won", orgId, dealId.toString(), time, data);
    return data;
  }

  /** Publishes a {@code strategy.approved} of the organization; answers the event's data. */
  static ObjectNode strategyApproved(UUID orgId, Instant time) {
    UUID strategyId = UUID.randomUUID();
    ObjectNode data = JSON.createObjectNode();
    data.put("strategy_id", strategyId.toString());
    data.put("product_id", UUID.randomUUID().toString());
    data.put("client_id", UUID.randomUUID().toString());
    data.put("approved_by", UUID.randomUUID().toString());
    data.put("approved_at", time.toString());
    publish(
        "/dealflow/playbook-service",
        "strategy.approved",
        orgId,
        strategyId.toString(),
        time,
        data);
    return data;
  }

  static void publish(String type, UUID orgId, String subject, Instant time, ObjectNode data) {
    publish("/dealflow/crm-service", type, orgId, subject, time, data);
  }

  private static void publish(
      String source, String type, UUID orgId, String subject, Instant time, ObjectNode data) {
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("specversion", "1.0");
    envelope.put("id", UUID.randomUUID().toString());
    envelope.put("source", source);
    envelope.put("type", type);
    envelope.put("subject", subject);
    envelope.put("time", time.toString());
    envelope.put("datacontenttype", "application/json");
    envelope.put("orgid", orgId.toString());
    envelope.put("traceparent", TRACEPARENT);
    envelope.set("data", data);
    try (var producer =
        new KafkaProducer<String, String>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Devstack.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(type, subject, JSON.writeValueAsString(envelope))).get();
    } catch (Exception e) {
      throw new IllegalStateException("Could not publish " + type, e);
    }
  }
}
