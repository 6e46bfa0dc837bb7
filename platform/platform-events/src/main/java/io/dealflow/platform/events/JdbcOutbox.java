package io.dealflow.platform.events;

import io.dealflow.platform.event.EventType;
import io.dealflow.platform.request.TraceContext;
import io.dealflow.platform.tracing.Traces;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The outbox as a table in the service's own database, written with the caller's transaction. */
final class JdbcOutbox implements Outbox {

  private final JdbcClient jdbc;
  private final String source;
  private final Clock clock;
  private final Runnable afterCommit;
  private final Traces traces;

  /**
   * @param afterCommit run once a transaction that appended events has committed (wakes the relay)
   * @param traces the current span, whose trace the event carries when tracing is on
   */
  JdbcOutbox(JdbcClient jdbc, String source, Clock clock, Runnable afterCommit, Traces traces) {
    this.jdbc = jdbc;
    this.source = source;
    this.clock = clock;
    this.afterCommit = afterCommit;
    this.traces = traces;
  }

  @Override
  public <T> UUID append(EventType<T> type, UUID aggregateId, @Nullable UUID orgId, T data) {
    return appendAt(type, aggregateId, orgId, data, clock.instant());
  }

  @Override
  public <T> UUID appendAt(
      EventType<T> type, UUID aggregateId, @Nullable UUID orgId, T data, Instant occurredAt) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          "Events are appended inside the transaction of the change that causes them ("
              + type
              + ")");
    }
    if (!type.payload().isInstance(data)) {
      throw new IllegalArgumentException(type + " carries " + type.payload().getSimpleName());
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    String traceparent = traces.currentTraceparent();
    String envelope =
        CloudEvents.envelope(
                id,
                source,
                type.name(),
                aggregateId.toString(),
                occurredAt,
                orgId,
                traceparent != null ? traceparent : TraceContext.currentOrNew(),
                EventJson.MAPPER.valueToTree(data))
            .toString();
    jdbc.sql(
            """
            INSERT INTO dealflow_events.outbox (id, topic, event_key, org_id, envelope, created_at)
            VALUES (:id, :topic, :key, :orgId, :envelope, :createdAt)
            """)
        .param("id", id)
        .param("topic", type.topic())
        .param("key", aggregateId.toString())
        .param("orgId", orgId)
        .param("envelope", envelope)
        .param("createdAt", java.sql.Timestamp.from(now))
        .update();
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            JdbcOutbox.this.afterCommit.run();
          }
        });
    return id;
  }
}
