package io.dealflow.platform.events;

import io.dealflow.platform.event.EventType;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An event as a consumer receives it: the CloudEvents attributes and its data.
 *
 * @param id the event's id, unique across the suite; consumers record it to apply it once
 * @param type the event's name, e.g. {@code lead.qualified}
 * @param source the producing service, e.g. {@code /dealflow/crm-service}
 * @param subject the aggregate's id
 * @param orgId the organization the event belongs to
 * @param time when the change happened
 * @param traceparent the W3C trace context of the request that caused it
 * @param data the event's data as JSON (snake_case field names)
 */
public record ReceivedEvent(
    UUID id,
    String type,
    String source,
    String subject,
    @Nullable UUID orgId,
    Instant time,
    @Nullable String traceparent,
    JsonNode data) {

  /** The data as the catalogue's record; the type must be this event's. */
  public <T> T data(EventType<T> expected) {
    if (!expected.name().equals(type)) {
      throw new IllegalArgumentException("This is a " + type + " event, not " + expected.name());
    }
    return EventJson.MAPPER.treeToValue(data, expected.payload());
  }

  public boolean is(EventType<?> candidate) {
    return candidate.name().equals(type);
  }
}
