package io.dealflow.insights;

import io.dealflow.platform.event.EventType;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Another service's event as its outbox relay publishes it: the payload record in snake_case in a
 * CloudEvents 1.0 envelope of the workspace, at a time the test chooses. {@code TestEvents.publish}
 * checks it against the AsyncAPI document and sends it.
 */
final class WorkspaceEvents {

  private static final JsonMapper JSON =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private WorkspaceEvents() {}

  static <T> ObjectNode envelope(
      EventType<T> type, String source, UUID workspaceId, Object subject, Instant at, T data) {
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("specversion", "1.0");
    envelope.put("id", UUID.randomUUID().toString());
    envelope.put("source", source);
    envelope.put("type", type.name());
    envelope.put("subject", subject.toString());
    envelope.put("time", at.toString());
    envelope.put("datacontenttype", "application/json");
    envelope.put("orgid", workspaceId.toString());
    envelope.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    envelope.set("data", JSON.valueToTree(data));
    return envelope;
  }
}
