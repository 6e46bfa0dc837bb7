package io.dealflow.training.session;

import io.dealflow.training.scoring.Scorecard;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The {@code training_sessions} table. Every query names its organization. */
@Repository
class TrainingSessions {

  private static final String COLUMNS =
      """
      id, org_id, user_id, scenario_id, session_type, status, configuration, practice_session_id,
      rep_assignment_id, created_at, started_at, paused_at, paused_seconds, completed_at,
      last_activity_at, duration, scorecard, version
      """;

  private final JdbcClient jdbc;
  private final JsonMapper json;

  TrainingSessions(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(TrainingSession session) {
    jdbc.sql(
            """
            INSERT INTO training_sessions (%s)
            VALUES (:id, :orgId, :userId, :scenarioId, :sessionType, :status,
                    CAST(:configuration AS jsonb), :practiceSessionId, :repAssignmentId, :createdAt,
                    :startedAt, :pausedAt, :pausedSeconds, :completedAt, :lastActivityAt,
                    :duration, CAST(:scorecard AS jsonb), :version)
            """
                .formatted(COLUMNS))
        .paramSource(params(session))
        .update();
  }

  /** Writes a change; false when another writer changed the session first. */
  boolean update(TrainingSession session) {
    return jdbc.sql(
                """
                UPDATE training_sessions
                SET status = :status, started_at = :startedAt, paused_at = :pausedAt,
                    paused_seconds = :pausedSeconds, completed_at = :completedAt,
                    last_activity_at = :lastActivityAt, duration = :duration,
                    scorecard = CAST(:scorecard AS jsonb), version = :version
                WHERE id = :id AND org_id = :orgId AND version = :version - 1
                """)
            .paramSource(params(session))
            .update()
        == 1;
  }

  Optional<TrainingSession> find(UUID orgId, UUID id) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM training_sessions WHERE id = :id AND org_id = :orgId")
        .param("id", id)
        .param("orgId", orgId)
        .query(this::map)
        .optional();
  }

  /** One user's sessions, newest first. */
  List<TrainingSession> list(
      UUID orgId, UUID userId, @Nullable SessionStatus status, int skip, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM training_sessions
                WHERE org_id = :orgId AND user_id = :userId
                  AND (CAST(:status AS varchar) IS NULL OR status = :status)
                ORDER BY created_at DESC, id
                OFFSET :skip LIMIT :limit
                """)
        .param("orgId", orgId)
        .param("userId", userId)
        .param("status", status == null ? null : status.id())
        .param("skip", skip)
        .param("limit", limit)
        .query(this::map)
        .list();
  }

  /** One user's completed sessions that ended in a period, oldest first. */
  List<TrainingSession> completed(UUID orgId, UUID userId, Instant from, Instant to) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM training_sessions
                WHERE org_id = :orgId AND user_id = :userId AND status = 'completed'
                  AND completed_at >= :from AND completed_at < :to
                ORDER BY completed_at, id
                """)
        .param("orgId", orgId)
        .param("userId", userId)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(this::map)
        .list();
  }

  /** How many of a user's sessions are not yet over. */
  int countOpen(UUID orgId, UUID userId) {
    return jdbc.sql(
            """
            SELECT count(*) FROM training_sessions
            WHERE org_id = :orgId AND user_id = :userId
              AND status IN ('created', 'active', 'paused')
            """)
        .param("orgId", orgId)
        .param("userId", userId)
        .query(Integer.class)
        .single();
  }

  /** Sessions of any organization still open with no activity since {@code before}. */
  List<TrainingSession> idleSince(Instant before, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM training_sessions
                WHERE status IN ('created', 'active', 'paused') AND last_activity_at < :before
                ORDER BY last_activity_at
                LIMIT :limit
                """)
        .param("before", Timestamp.from(before))
        .param("limit", limit)
        .query(this::map)
        .list();
  }

  private MapSqlParameterSource params(TrainingSession session) {
    Scorecard scorecard = session.scorecard();
    return new MapSqlParameterSource()
        .addValue("id", session.id())
        .addValue("orgId", session.orgId())
        .addValue("userId", session.userId())
        .addValue("scenarioId", session.scenarioId())
        .addValue("sessionType", session.sessionType())
        .addValue("status", session.status().id())
        .addValue("configuration", json.writeValueAsString(session.configuration()))
        .addValue("practiceSessionId", session.practiceSessionId())
        .addValue("repAssignmentId", session.repAssignmentId())
        .addValue("createdAt", Timestamp.from(session.createdAt()))
        .addValue("startedAt", timestamp(session.startedAt()))
        .addValue("pausedAt", timestamp(session.pausedAt()))
        .addValue("pausedSeconds", session.pausedSeconds())
        .addValue("completedAt", timestamp(session.completedAt()))
        .addValue("lastActivityAt", Timestamp.from(session.lastActivityAt()))
        .addValue("duration", session.duration())
        .addValue("scorecard", scorecard == null ? null : json.writeValueAsString(scorecard))
        .addValue("version", session.version());
  }

  private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  private TrainingSession map(ResultSet rs, int row) throws SQLException {
    String scorecard = rs.getString("scorecard");
    Number duration = (Number) rs.getObject("duration");
    return new TrainingSession(
        rs.getObject("id", UUID.class),
        rs.getObject("org_id", UUID.class),
        rs.getObject("user_id", UUID.class),
        rs.getObject("scenario_id", UUID.class),
        rs.getString("session_type"),
        SessionStatus.fromId(rs.getString("status")).orElseThrow(),
        json.readValue(rs.getString("configuration"), SessionConfiguration.class),
        rs.getObject("practice_session_id", UUID.class),
        rs.getObject("rep_assignment_id", UUID.class),
        rs.getTimestamp("created_at").toInstant(),
        instant(rs, "started_at"),
        instant(rs, "paused_at"),
        rs.getLong("paused_seconds"),
        instant(rs, "completed_at"),
        rs.getTimestamp("last_activity_at").toInstant(),
        duration == null ? null : duration.longValue(),
        scorecard == null ? null : json.readValue(scorecard, Scorecard.class),
        rs.getInt("version"));
  }
}
