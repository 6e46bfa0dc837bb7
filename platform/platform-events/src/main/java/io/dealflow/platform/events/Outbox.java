package io.dealflow.platform.events;

import io.dealflow.platform.event.EventType;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a service records the events its changes cause. An event is written in the caller's
 * database transaction, so it exists exactly when the change does, and is published to Kafka by the
 * relay once that transaction commits (or later, if Kafka is down then: nothing is lost).
 */
public interface Outbox {

  /**
   * Records an event in the current transaction.
   *
   * @param type the event's catalogue entry (its name is the topic)
   * @param aggregateId the id of the thing the event is about: the CloudEvents {@code subject} and
   *     the Kafka key, so one aggregate's events stay in order
   * @param orgId the organization the event belongs to; null only for events of no organization
   * @param data the event's data
   * @return the event's id (CloudEvents {@code id})
   * @throws IllegalStateException when no transaction is active: an event written outside the
   *     change's transaction could outlive a rolled-back change or be lost with a committed one
   */
  <T> UUID append(EventType<T> type, UUID aggregateId, @Nullable UUID orgId, T data);

  /**
   * Records an event that happened at {@code occurredAt} (its CloudEvents {@code time}): a change
   * written with the time it took place, such as history imported or seeded after the fact. It is
   * published in the order it was recorded, like any other.
   */
  <T> UUID appendAt(
      EventType<T> type, UUID aggregateId, @Nullable UUID orgId, T data, Instant occurredAt);
}
