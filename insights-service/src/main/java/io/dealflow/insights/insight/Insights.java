package io.dealflow.insights.insight;

import io.dealflow.insights.insight.Insight.Status;
import io.dealflow.insights.insight.Insight.Subject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** The {@code insights} and {@code insight_evaluations} tables. */
@Repository
class Insights {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String COLUMNS =
      "id, org_id, type, title, description, priority, confidence, status, subjects, created_at,"
          + " updated_at";

  private final JdbcClient jdbc;

  Insights(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The insight of a cause, unless that cause raised one already (then nothing). */
  Optional<Insight> raise(UUID orgId, Candidate candidate, Instant now) {
    ArrayNode subjects = JSON.createArrayNode();
    for (Subject subject : candidate.subjects()) {
      subjects.addObject().put("type", subject.type()).put("id", subject.id().toString());
    }
    return jdbc.sql(
            """
            INSERT INTO insights (id, org_id, type, cause, title, description, priority,
                                  confidence, subjects, created_at, updated_at)
            VALUES (:id, :orgId, :type, :cause, :title, :description, :priority, :confidence,
                    CAST(:subjects AS jsonb), :now, :now)
            ON CONFLICT (org_id, cause) DO NOTHING
            RETURNING %s
            """
                .formatted(COLUMNS))
        .param("id", UUID.randomUUID())
        .param("orgId", orgId)
        .param("type", candidate.finding().type())
        .param("cause", candidate.cause())
        .param("title", candidate.finding().title())
        .param("description", candidate.finding().description())
        .param("priority", candidate.finding().priority().id())
        .param("confidence", candidate.finding().confidence())
        .param("subjects", JSON.writeValueAsString(subjects))
        .param("now", Timestamp.from(now))
        .query(Insights::insight)
        .optional();
  }

  List<Insight> list(
      UUID orgId,
      @Nullable String type,
      @Nullable String priority,
      @Nullable Status status,
      int limit,
      int offset) {
    return jdbc.sql(
            """
            SELECT %s FROM insights
            WHERE org_id = :orgId AND (CAST(:type AS text) IS NULL OR type = :type)
              AND (CAST(:priority AS text) IS NULL OR priority = :priority)
              AND (CAST(:status AS text) IS NULL OR status = :status)
            ORDER BY created_at DESC, id
            LIMIT :limit OFFSET :offset
            """
                .formatted(COLUMNS))
        .param("orgId", orgId)
        .param("type", type)
        .param("priority", priority)
        .param("status", status == null ? null : status.id())
        .param("limit", limit)
        .param("offset", offset)
        .query(Insights::insight)
        .list();
  }

  long count(
      UUID orgId, @Nullable String type, @Nullable String priority, @Nullable Status status) {
    return jdbc.sql(
            """
            SELECT count(*) FROM insights
            WHERE org_id = :orgId AND (CAST(:type AS text) IS NULL OR type = :type)
              AND (CAST(:priority AS text) IS NULL OR priority = :priority)
              AND (CAST(:status AS text) IS NULL OR status = :status)
            """)
        .param("orgId", orgId)
        .param("type", type)
        .param("priority", priority)
        .param("status", status == null ? null : status.id())
        .query(Long.class)
        .single();
  }

  /** The insight, if it belongs to one of {@code orgIds}. */
  Optional<Insight> find(Collection<UUID> orgIds, UUID id) {
    if (orgIds.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql(
            "SELECT %s FROM insights WHERE id = :id AND org_id IN (:orgIds)".formatted(COLUMNS))
        .param("id", id)
        .param("orgIds", new ArrayList<>(orgIds))
        .query(Insights::insight)
        .optional();
  }

  Insight changeStatus(UUID orgId, UUID id, Status status, Instant now) {
    return jdbc.sql(
            """
            UPDATE insights SET status = :status, updated_at = :now
            WHERE org_id = :orgId AND id = :id
            RETURNING %s
            """
                .formatted(COLUMNS))
        .param("status", status.id())
        .param("now", Timestamp.from(now))
        .param("orgId", orgId)
        .param("id", id)
        .query(Insights::insight)
        .single();
  }

  /** The workspaces whose read model changed after their last evaluation, oldest change first. */
  List<UUID> changedSinceEvaluated(int limit) {
    return jdbc.sql(
            """
            SELECT c.org_id FROM pipeline_changes c
                 LEFT JOIN insight_evaluations e ON e.org_id = c.org_id
            WHERE e.evaluated_at IS NULL OR e.evaluated_at < c.changed_at
            ORDER BY c.changed_at
            LIMIT :limit
            """)
        .param("limit", limit)
        .query(UUID.class)
        .list();
  }

  /** Notes an evaluation that began at {@code startedAt} (a change after it is evaluated again). */
  void evaluated(UUID orgId, Instant startedAt) {
    jdbc.sql(
            """
            INSERT INTO insight_evaluations (org_id, evaluated_at) VALUES (:orgId, :at)
            ON CONFLICT (org_id) DO UPDATE
                SET evaluated_at = GREATEST(insight_evaluations.evaluated_at, EXCLUDED.evaluated_at)
            """)
        .param("orgId", orgId)
        .param("at", Timestamp.from(startedAt))
        .update();
  }

  private static Insight insight(ResultSet rs, int row) throws SQLException {
    List<Subject> subjects = new ArrayList<>();
    for (JsonNode subject : JSON.readTree(rs.getString("subjects"))) {
      subjects.add(
          new Subject(
              subject.get("type").asString(), UUID.fromString(subject.get("id").asString())));
    }
    return new Insight(
        rs.getObject("id", UUID.class),
        rs.getObject("org_id", UUID.class),
        rs.getString("type"),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("priority"),
        rs.getDouble("confidence"),
        Status.fromId(rs.getString("status")).orElseThrow(),
        subjects,
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
