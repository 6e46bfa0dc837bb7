package io.dealflow.support.ticket;

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

/** The {@code tickets} table. Every query names its organization. */
@Repository
class Tickets {

  private static final String COLUMNS =
      """
      id, org_id, session_id, customer_id, title, description, status, priority, category,
      assignee_id, created_by, created_at, updated_at, resolved_at, version
      """;

  /**
   * The filters of a ticket list; a null matches everything.
   *
   * @param createdBy only the tickets this user opened, or that were opened for one of its sessions
   */
  record Filter(
      @Nullable UUID createdBy,
      @Nullable String status,
      @Nullable String priority,
      @Nullable UUID assigneeId,
      TimeRange created,
      @Nullable String search) {}

  private final JdbcClient jdbc;

  Tickets(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Ticket ticket) {
    jdbc.sql(
            """
            INSERT INTO tickets (%s)
            VALUES (:id, :orgId, :sessionId, :customerId, :title, :description, :status, :priority,
                    :category, :assigneeId, :createdBy, :createdAt, :updatedAt, :resolvedAt, 0)
            """
                .formatted(COLUMNS))
        .params(params(ticket))
        .update();
  }

  /** Writes a change; false when another writer changed the ticket first. */
  boolean update(Ticket ticket) {
    return jdbc.sql(
                """
                UPDATE tickets
                SET status = :status, priority = :priority, assignee_id = :assigneeId,
                    updated_at = :updatedAt, resolved_at = :resolvedAt, version = version + 1
                WHERE org_id = :orgId AND id = :id AND version = :version
                """)
            .params(params(ticket))
            .param("version", ticket.version())
            .update()
        == 1;
  }

  Optional<Ticket> find(UUID orgId, UUID id) {
    return jdbc.sql("SELECT %s FROM tickets WHERE org_id = :orgId AND id = :id".formatted(COLUMNS))
        .param("orgId", orgId)
        .param("id", id)
        .query(Tickets::ticket)
        .optional();
  }

  /**
   * @param order a column expression and direction, from the list's sortable fields
   */
  List<Ticket> list(UUID orgId, Filter filter, String order, int offset, int limit) {
    return jdbc.sql(
            """
            SELECT %s FROM tickets WHERE org_id = :orgId %s
            ORDER BY %s, id OFFSET :offset LIMIT :limit
            """
                .formatted(COLUMNS, where(filter), order))
        .params(filterParams(orgId, filter))
        .param("offset", offset)
        .param("limit", limit)
        .query(Tickets::ticket)
        .list();
  }

  long count(UUID orgId, Filter filter) {
    return jdbc.sql(
            "SELECT count(*) FROM tickets WHERE org_id = :orgId %s".formatted(where(filter)))
        .params(filterParams(orgId, filter))
        .query(Long.class)
        .single();
  }

  private static String where(Filter filter) {
    StringBuilder where = new StringBuilder();
    if (filter.createdBy() != null) {
      where.append(
          " AND (created_by = :createdBy OR session_id IN (SELECT id FROM support_sessions"
              + " WHERE org_id = :orgId AND user_id = :createdBy))");
    }
    if (filter.status() != null) {
      where.append(" AND status = :status");
    }
    if (filter.priority() != null) {
      where.append(" AND priority = :priority");
    }
    if (filter.assigneeId() != null) {
      where.append(" AND assignee_id = :assigneeId");
    }
    if (filter.created().from() != null) {
      where.append(" AND created_at >= :from");
    }
    if (filter.created().to() != null) {
      where.append(" AND created_at < :to");
    }
    if (filter.search() != null) {
      where.append(" AND (title ILIKE :search OR description ILIKE :search)");
    }
    return where.toString();
  }

  private static Map<String, @Nullable Object> filterParams(UUID orgId, Filter filter) {
    Map<String, @Nullable Object> params = new HashMap<>();
    params.put("orgId", orgId);
    params.put("createdBy", filter.createdBy());
    params.put("status", filter.status());
    params.put("priority", filter.priority());
    params.put("assigneeId", filter.assigneeId());
    params.put("from", timestamp(filter.created().from()));
    params.put("to", timestamp(filter.created().to()));
    params.put(
        "search", filter.search() == null ? null : SearchPattern.containing(filter.search()));
    return params;
  }

  private static Map<String, @Nullable Object> params(Ticket ticket) {
    Map<String, @Nullable Object> params = new HashMap<>();
    params.put("id", ticket.id());
    params.put("orgId", ticket.orgId());
    params.put("sessionId", ticket.sessionId());
    params.put("customerId", ticket.customerId());
    params.put("title", ticket.title());
    params.put("description", ticket.description());
    params.put("status", ticket.status());
    params.put("priority", ticket.priority());
    params.put("category", ticket.category());
    params.put("assigneeId", ticket.assigneeId());
    params.put("createdBy", ticket.createdBy());
    params.put("createdAt", timestamp(ticket.createdAt()));
    params.put("updatedAt", timestamp(ticket.updatedAt()));
    params.put("resolvedAt", timestamp(ticket.resolvedAt()));
    return params;
  }

  private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Ticket ticket(ResultSet rs, int row) throws SQLException {
    Timestamp resolved = rs.getTimestamp("resolved_at");
    return new Ticket(
        rs.getObject("id", UUID.class),
        rs.getObject("org_id", UUID.class),
        rs.getObject("session_id", UUID.class),
        rs.getString("customer_id"),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("status"),
        rs.getString("priority"),
        rs.getString("category"),
        rs.getObject("assignee_id", UUID.class),
        rs.getObject("created_by", UUID.class),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        resolved == null ? null : resolved.toInstant(),
        rs.getInt("version"));
  }
}
