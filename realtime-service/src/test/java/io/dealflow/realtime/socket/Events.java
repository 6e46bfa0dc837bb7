package io.dealflow.realtime.socket;

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

/** Publishes catalogue events to Kafka the way the producing services' outbox relays do. */
final class Events {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static KafkaProducer<String, String> producer;

  private Events() {}

  /** A CloudEvents 1.0 envelope of {@code type} for {@code orgId}; answers the event's id. */
  static UUID publish(String type, UUID orgId, String subject, ObjectNode data) {
    return publish("/dealflow/crm-service", type, orgId, subject, data);
  }

  /** A {@code rep.assigned} of playbook-service for {@code orgId}; answers the event's id. */
  static UUID repAssigned(UUID orgId, UUID assignmentId, UUID repId) {
    ObjectNode assignment = data();
    assignment.put("assignment_id", assignmentId.toString());
    assignment.put("user_id", repId.toString());
    assignment.put("product_id", UUID.randomUUID().toString());
    assignment.put("client_id", UUID.randomUUID().toString());
    assignment.putNull("strategy_id");
    assignment.put("min_practice_minutes", 30);
    assignment.put("assigned_by", UUID.randomUUID().toString());
    return publish(
        "/dealflow/playbook-service", "rep.assigned", orgId, assignmentId.toString(), assignment);
  }

  /**
   * A {@code support.message.created} of support-service for {@code orgId}, keyed by its session;
   * answers the message's id. A {@code bot} message cites one passage.
   */
  static UUID supportMessageCreated(
      UUID orgId, UUID sessionId, String messageType, String content, UUID senderId) {
    UUID messageId = UUID.randomUUID();
    ObjectNode message = data();
    message.put("message_id", messageId.toString());
    message.put("session_id", sessionId.toString());
    message.put("customer_id", "customer-" + sessionId);
    message.put("message_type", messageType);
    message.put("content", content);
    message.put("status", "sent");
    if (senderId == null) {
      message.putNull("sender_id");
    } else {
      message.put("sender_id", senderId.toString());
    }
    var citations = message.putArray("citations");
    if ("bot".equals(messageType)) {
      citations
          .addObject()
          .put("source", "trading_policy_v2.1")
          .put("title", "Trading Hours and Market Schedule")
          .put("url", "/policies/trading-hours")
          .put("excerpt", "Standard market hours are 9:30 AM to 4:00 PM ET...")
          .put("confidence", 0.95);
    }
    message.put("timestamp", Instant.now().toString());
    publish(
        "/dealflow/support-service",
        "support.message.created",
        orgId,
        sessionId.toString(),
        message);
    return messageId;
  }

  /** A {@code support.escalated} of support-service for {@code orgId}; answers the ticket's id. */
  static UUID supportEscalated(UUID orgId, UUID sessionId, String reason) {
    UUID ticketId = UUID.randomUUID();
    ObjectNode escalated = data();
    escalated.put("session_id", sessionId.toString());
    escalated.put("customer_id", "customer-" + sessionId);
    escalated.put("ticket_id", ticketId.toString());
    escalated.put("reason", reason);
    escalated.putNull("message_id");
    escalated.put("escalated_at", Instant.now().toString());
    publish(
        "/dealflow/support-service", "support.escalated", orgId, sessionId.toString(), escalated);
    return ticketId;
  }

  /** A CloudEvents 1.0 envelope of {@code source}'s {@code type}; answers the event's id. */
  static UUID publish(String source, String type, UUID orgId, String subject, ObjectNode data) {
    UUID id = UUID.randomUUID();
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("specversion", "1.0");
    envelope.put("id", id.toString());
    envelope.put("source", source);
    envelope.put("type", type);
    envelope.put("subject", subject);
    envelope.put("time", Instant.now().toString());
    envelope.put("datacontenttype", "application/json");
    envelope.put("orgid", orgId.toString());
    envelope.set("data", data);
    try {
      producer().send(new ProducerRecord<>(type, subject, JSON.writeValueAsString(envelope))).get();
    } catch (Exception e) {
      throw new IllegalStateException("Could not publish " + type, e);
    }
    return id;
  }

  static ObjectNode data() {
    return JSON.createObjectNode();
  }

  static UUID dealCreated(UUID orgId, String title) {
    UUID dealId = UUID.randomUUID();
    ObjectNode deal = data();
    deal.put("deal_id", dealId.toString());
    deal.put("workspace_id", orgId.toString());
    deal.put("title", title);
    deal.put("value", 12000);
    deal.put("currency", "USD");
    deal.put("stage", "lead");
    return publish("deal.created", orgId, dealId.toString(), deal);
  }

  private static synchronized KafkaProducer<String, String> producer() {
    if (producer == null) {
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  Devstack.kafka().bootstrapServers(),
                  ProducerConfig.ACKS_CONFIG,
                  "all"),
              new StringSerializer(),
              new StringSerializer());
    }
    return producer;
  }
}
