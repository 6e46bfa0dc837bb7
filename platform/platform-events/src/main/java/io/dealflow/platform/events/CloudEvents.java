package io.dealflow.platform.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire form of every event: a CloudEvents 1.0 JSON document (structured mode), with the
 * extension attributes {@code orgid} (the organization) and {@code traceparent} (W3C trace context,
 * as the CloudEvents distributed-tracing extension names it).
 */
final class CloudEvents {

  static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
  static final String SPEC_VERSION = "1.0";

  private CloudEvents() {}

  static ObjectNode envelope(
      UUID id,
      String source,
      String type,
      String subject,
      Instant time,
      @Nullable UUID orgId,
      @Nullable String traceparent,
      JsonNode data) {
    ObjectNode node = EventJson.MAPPER.createObjectNode();
    node.put("specversion", SPEC_VERSION);
    node.put("id", id.toString());
    node.put("source", source);
    node.put("type", type);
    node.put("subject", subject);
    node.put("time", time.toString());
    node.put("datacontenttype", "application/json");
    if (orgId != null) {
      node.put("orgid", orgId.toString());
    }
    if (traceparent != null) {
      node.put("traceparent", traceparent);
    }
    node.set("data", data);
    return node;
  }

  /**
   * Reads an envelope.
   *
   * @throws IllegalArgumentException when the bytes are not a CloudEvents 1.0 JSON event with the
   *     required attributes
   */
  static ReceivedEvent parse(byte[] bytes) {
    JsonNode node;
    try {
      node = EventJson.MAPPER.readTree(bytes);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not JSON: " + e.getMessage(), e);
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("Not a JSON object");
    }
    if (!SPEC_VERSION.equals(text(node, "specversion"))) {
      throw new IllegalArgumentException("specversion is not " + SPEC_VERSION);
    }
    JsonNode data = node.get("data");
    if (data == null) {
      throw new IllegalArgumentException("No data");
    }
    try {
      String orgId = node.hasNonNull("orgid") ? node.get("orgid").asString() : null;
      return new ReceivedEvent(
          UUID.fromString(required(node, "id")),
          required(node, "type"),
          required(node, "source"),
          required(node, "subject"),
          orgId == null ? null : UUID.fromString(orgId),
          Instant.parse(required(node, "time")),
          text(node, "traceparent"),
          data);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Malformed attribute: " + e.getMessage(), e);
    }
  }

  /** The {@code traceparent} of a stored envelope, or null when it has none or is no JSON. */
  static @Nullable String traceparent(String envelope) {
    try {
      JsonNode node = EventJson.MAPPER.readTree(envelope);
      return node.isObject() ? text(node, "traceparent") : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String required(JsonNode node, String field) {
    String value = text(node, field);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Missing attribute " + field);
    }
    return value;
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }
}
