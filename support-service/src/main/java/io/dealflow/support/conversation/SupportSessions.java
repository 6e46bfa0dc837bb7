package io.dealflow.support.conversation;

import io.dealflow.support.range.TimeRange;
import io.dealflow.support.text.SearchPattern;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code support_sessions} table. Every query names its organization. */
@Repository
class SupportSessions {

  private static final String COLUMNS =
      """
      id, org_id, user_id, customer_id, channel, status, metadata, created_at, ended_at,
      escalated_at, escalation_reason, ticket_id, agent_id, version
      """;

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  SupportSessions(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(SupportSession session) {
    jdbc.sql(
            """
            INSERT INTO support_sessions (%s)
            VALUES (:id, :orgId, :userId, :customerId, :channel, :status, CAST(:metadata AS jsonb),
                    :createdAt, NULL, NULL, NULL, NULL, NULL, 0)
            """
                .formatted(COLUMNS))
        .param("id", session.id())
        .param("orgId", session.orgId())
        .param("userId", session.userId())
        .param("customerId", session.customerId())
        .param("channel", session.channel())
        .param("status", session.status().id())
        .param("metadata", json.writeValueAsString(session.metadata()))
        .param("createdAt", Timestamp.from(session.createdAt()))
        .update();
  }

  /** Writes a change; false when another writer changed the session first. */
  boolean update(SupportSession session) {
    return jdbc.sql(
                """
                UPDATE support_sessions
                SET status = :status, ended_at = :endedAt, escalated_at = :escalatedAt,
                    escalation_reason = :reason, ticket_id = :ticketId, agent_id = :agentId,
                    version = version + 1
                WHERE org_id = :orgId AND id = :id AND version = :version
                """)
            .param("orgId", session.orgId())
            .param("id", session.id())
            .param("status", session.status().id())
            .param("endedAt", timestamp(session.endedAt()))
            .param("escalatedAt", timestamp(session.escalatedAt()))
            .param("reason", session.escalationReason())
            .param("ticketId", session.ticketId())
            .param("agentId", session.agentId())
            .param("version", session.version())
            .update()
        == 1;
  }

  Optional<SupportSession> find(UUID orgId, UUID id) {
    return jdbc.sql(
            "SELECT %s FROM support_sessions WHERE org_id = :orgId AND id = :id".formatted(COLUMNS))
        .param("orgId", orgId)
        .param("id", id)
        .query(this::session)
        .optional();
  }

  /** The session, locked until the transaction ends: its messages are written one at a time. */
  Optional<SupportSession> lock(UUID orgId, UUID id) {
    return jdbc.sql(
            "SELECT %s FROM support_sessions WHERE org_id = :orgId AND id = :id FOR UPDATE"
                .formatted(COLUMNS))
        .param("orgId", orgId)
        .param("id", id)
        .query(this::session)
        .optional();
  }

  /**
   * A page of sessions.
   *
   * @param userId only this user's sessions, when given
   * @param order a column and direction, from the list's sortable fields
   */
  List<SupportSession> list(
      UUID orgId,
      @Nullable UUID userId,
      @Nullable String status,
      TimeRange created,
      @Nullable String search,
      String order,
      int offset,
      int limit) {
    return jdbc.sql(
            """
            SELECT %s FROM support_sessions WHERE org_id = :orgId %s
            ORDER BY %s, id OFFSET :offset LIMIT :limit
            """
                .formatted(COLUMNS, filters(userId, status, created, search), order))
        .params(params(orgId, userId, status, created, search))
        .param("offset", offset)
        .param("limit", limit)
        .query(this::session)
        .list();
  }

  long count(
      UUID orgId,
      @Nullable UUID userId,
      @Nullable String status,
      TimeRange created,
      @Nullable String search) {
    return jdbc.sql(
            "SELECT count(*) FROM support_sessions WHERE org_id = :orgId %s"
                .formatted(filters(userId, status, created, search)))
        .params(params(orgId, userId, status, created, search))
        .query(Long.class)
        .single();
  }

  private static String filters(
      @Nullable UUID userId, @Nullable String status, TimeRange created, @Nullable String search) {
    String where = "";
    if (userId != null) {
      where += " AND user_id = :userId";
    }
    if (status != null) {
      where += " AND status = :status";
    }
    if (created.from() != null) {
      where += " AND created_at >= :from";
    }
    if (created.to() != null) {
      where += " AND created_at < :to";
    }
    if (search != null) {
      where += " AND customer_id ILIKE :search";
    }
    return where;
  }

  private static Map<String, @Nullable Object> params(
      UUID orgId,
      @Nullable UUID userId,
      @Nullable String status,
      TimeRange created,
      @Nullable String search) {
    Map<String, @Nullable Object> params = new HashMap<>();
    params.put("orgId", orgId);
    params.put("userId", userId);
    params.put("status", status);
    params.put("from", timestamp(created.from()));
    params.put("to", timestamp(created.to()));
    params.put("search", search == null ? null : SearchPattern.containing(search));
    return params;
  }

  private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private SupportSession session(ResultSet rs, int row) throws SQLException {
    return new SupportSession(
        rs.getObject("id", UUID.class),
        rs.getObject("org_id", UUID.class),
        rs.getObject("user_id", UUID.class),
        rs.getString("customer_id"),
        rs.getString("channel"),
        SessionStatus.of(rs.getString("status")),
        json.readValue(rs.getString("metadata"), OBJECT),
        rs.getTimestamp("created_at").toInstant(),
        instant(rs.getTimestamp("ended_at")),
        instant(rs.getTimestamp("escalated_at")),
        rs.getString("escalation_reason"),
        rs.getObject("ticket_id", UUID.class),
        rs.getObject("agent_id", UUID.class),
        rs.getInt("version"));
  }

  private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
