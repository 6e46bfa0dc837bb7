package io.dealflow.realtime.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Queued deliveries and their attempts. */
@Repository
class Deliveries {

  /** One delivery as stored: its exact body is sent on every attempt. */
  record Delivery(
      UUID id,
      UUID orgId,
      UUID endpointId,
      @Nullable UUID eventId,
      String eventType,
      String payload,
      @Nullable String traceparent,
      String status,
      int attemptCount,
      Instant nextAttemptAt,
      Instant createdAt,
      @Nullable Instant completedAt) {}

  /** One try at sending a delivery. */
  record Attempt(
      Instant attemptedAt,
      @Nullable Integer statusCode,
      long latencyMs,
      @Nullable String responseExcerpt,
      @Nullable String error) {}

  private final JdbcClient jdbc;

  Deliveries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void queue(
      UUID id,
      Endpoint endpoint,
      @Nullable UUID eventId,
      String eventType,
      String payload,
      @Nullable String traceparent,
      Instant now) {
    jdbc.sql(
            """
            INSERT INTO webhook_delivery (id, org_id, endpoint_id, event_id, event_type, payload,
                                          traceparent, status, next_attempt_at, created_at)
            VALUES (:id, :orgId, :endpointId, :eventId, :eventType, :payload, :traceparent,
                    'pending', :now, :now)
            ON CONFLICT (endpoint_id, event_id) DO NOTHING
            """)
        .param("id", id)
        .param("orgId", endpoint.orgId())
        .param("endpointId", endpoint.id())
        .param("eventId", eventId)
        .param("eventType", eventType)
        .param("payload", payload)
        .param("traceparent", traceparent)
        .param("now", Timestamp.from(now))
        .update();
  }

  /**
   * Claims due deliveries of enabled endpoints for this worker until {@code leaseUntil}. Rows
   * another instance is claiming right now are skipped, and a claimed row stays invisible to others
   * until its lease ends, so instances never send the same attempt side by side; a lease left by a
   * crashed instance simply runs out.
   */
  List<Delivery> claimDue(Instant now, Instant leaseUntil, int limit) {
    return jdbc.sql(
            """
            UPDATE webhook_delivery SET lease_until = :leaseUntil
            WHERE id IN (
                SELECT d.id FROM webhook_delivery d
                JOIN webhook_endpoint e ON e.id = d.endpoint_id AND e.enabled
                WHERE d.status = 'pending' AND d.next_attempt_at <= :now
                  AND (d.lease_until IS NULL OR d.lease_until <= :now)
                ORDER BY d.next_attempt_at
                LIMIT :limit
                FOR UPDATE OF d SKIP LOCKED)
            RETURNING *
            """)
        .param("leaseUntil", Timestamp.from(leaseUntil))
        .param("now", Timestamp.from(now))
        .param("limit", limit)
        .query(Deliveries::map)
        .list();
  }

  void recordAttempt(UUID orgId, UUID deliveryId, Attempt attempt) {
    jdbc.sql(
            """
            INSERT INTO webhook_attempt (org_id, delivery_id, attempted_at, status_code, latency_ms,
                                         response_excerpt, error)
            VALUES (:orgId, :deliveryId, :at, :statusCode, :latencyMs, :excerpt, :error)
            """)
        .param("orgId", orgId)
        .param("deliveryId", deliveryId)
        .param("at", Timestamp.from(attempt.attemptedAt()))
        .param("statusCode", attempt.statusCode())
        .param("latencyMs", attempt.latencyMs())
        .param("excerpt", attempt.responseExcerpt())
        .param("error", attempt.error())
        .update();
  }

  void complete(UUID id, String status, int attemptCount, Instant now) {
    jdbc.sql(
            """
            UPDATE webhook_delivery
            SET status = :status, attempt_count = :attempts, completed_at = :now, lease_until = NULL
            WHERE id = :id
            """)
        .param("status", status)
        .param("attempts", attemptCount)
        .param("now", Timestamp.from(now))
        .param("id", id)
        .update();
  }

  void retryAt(UUID id, int attemptCount, Instant next) {
    jdbc.sql(
            """
            UPDATE webhook_delivery
            SET attempt_count = :attempts, next_attempt_at = :next, lease_until = NULL
            WHERE id = :id
            """)
        .param("attempts", attemptCount)
        .param("next", Timestamp.from(next))
        .param("id", id)
        .update();
  }

  /** Queues deliveries of an endpoint again, from a fresh retry schedule; answers how many. */
  int redeliver(
      UUID orgId, UUID endpointId, @Nullable UUID deliveryId, Instant since, Instant now) {
    return jdbc.sql(
            """
            UPDATE webhook_delivery
            SET status = 'pending', attempt_count = 0, next_attempt_at = :now, completed_at = NULL,
                lease_until = NULL
            WHERE org_id = :orgId AND endpoint_id = :endpointId AND created_at >= :since
              AND (CAST(:deliveryId AS uuid) IS NULL OR id = :deliveryId)
            """)
        .param("now", Timestamp.from(now))
        .param("orgId", orgId)
        .param("endpointId", endpointId)
        .param("since", Timestamp.from(since))
        .param("deliveryId", deliveryId)
        .update();
  }

  List<Delivery> page(UUID orgId, UUID endpointId, int limit, int offset) {
    return jdbc.sql(
            """
            SELECT * FROM webhook_delivery WHERE org_id = :orgId AND endpoint_id = :endpointId
            ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset
            """)
        .param("orgId", orgId)
        .param("endpointId", endpointId)
        .param("limit", limit)
        .param("offset", offset)
        .query(Deliveries::map)
        .list();
  }

  long count(UUID orgId, UUID endpointId) {
    return jdbc.sql(
            "SELECT count(*) FROM webhook_delivery WHERE org_id = :orgId AND endpoint_id = :endpointId")
        .param("orgId", orgId)
        .param("endpointId", endpointId)
        .query(Long.class)
        .single();
  }

  Map<UUID, List<Attempt>> attempts(UUID orgId, List<UUID> deliveryIds) {
    if (deliveryIds.isEmpty()) {
      return Map.of();
    }
    record Row(UUID deliveryId, Attempt attempt) {}
    return jdbc
        .sql(
            """
            SELECT * FROM webhook_attempt WHERE org_id = :orgId AND delivery_id IN (:ids)
            ORDER BY attempted_at, id
            """)
        .param("orgId", orgId)
        .param("ids", deliveryIds)
        .query(
            (rs, row) ->
                new Row(
                    rs.getObject("delivery_id", UUID.class),
                    new Attempt(
                        rs.getTimestamp("attempted_at").toInstant(),
                        rs.getObject("status_code", Integer.class),
                        rs.getLong("latency_ms"),
                        rs.getString("response_excerpt"),
                        rs.getString("error"))))
        .list()
        .stream()
        .collect(
            Collectors.groupingBy(
                Row::deliveryId, Collectors.mapping(Row::attempt, Collectors.toList())));
  }

  long pending() {
    return jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE status = 'pending'")
        .query(Long.class)
        .single();
  }

  private static Delivery map(ResultSet rs, int row) throws SQLException {
    return new Delivery(
        rs.getObject("id", UUID.class),
        rs.getObject("org_id", UUID.class),
        rs.getObject("endpoint_id", UUID.class),
        rs.getObject("event_id", UUID.class),
        rs.getString("event_type"),
        rs.getString("payload"),
        rs.getString("traceparent"),
        rs.getString("status"),
        rs.getInt("attempt_count"),
        rs.getTimestamp("next_attempt_at").toInstant(),
        rs.getTimestamp("created_at").toInstant(),
        Endpoints.instant(rs.getTimestamp("completed_at")));
  }
}
