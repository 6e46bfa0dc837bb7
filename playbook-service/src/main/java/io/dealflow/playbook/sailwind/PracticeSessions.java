package io.dealflow.playbook.sailwind;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code practice_sessions} table. Every query names its organization. */
@Repository
class PracticeSessions {

  private static final String COLUMNS =
      "id, org_id, user_id, strategy_id, rep_assignment_id, created_at, updated_at";

  private final JdbcClient jdbc;

  PracticeSessions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(PracticeSession session) {
    jdbc.sql(
            """
            INSERT INTO practice_sessions (%s)
            VALUES (:id, :orgId, :userId, :strategyId, :assignmentId, :createdAt, :updatedAt)
            """
                .formatted(COLUMNS))
        .param("id", session.id())
        .param("orgId", session.orgId())
        .param("userId", session.userId())
        .param("strategyId", session.strategyId())
        .param("assignmentId", session.repAssignmentId())
        .param("createdAt", Rows.timestamp(session.createdAt()))
        .param("updatedAt", Rows.timestamp(session.updatedAt()))
        .update();
  }

  Optional<PracticeSession> find(UUID orgId, UUID id) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM practice_sessions WHERE id = :id AND org_id = :orgId")
        .param("id", id)
        .param("orgId", orgId)
        .query(PracticeSessions::map)
        .optional();
  }

  /** The user's latest sessions in the organization, newest first. */
  List<PracticeSession> latestOfUser(UUID orgId, UUID userId, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM practice_sessions WHERE org_id = :orgId AND user_id = :userId"
                + " ORDER BY created_at DESC, id DESC LIMIT :limit")
        .param("orgId", orgId)
        .param("userId", userId)
        .param("limit", limit)
        .query(PracticeSessions::map)
        .list();
  }

  private static PracticeSession map(ResultSet rs, int row) throws SQLException {
    return new PracticeSession(
        Rows.uuid(rs, "id"),
        Rows.uuid(rs, "org_id"),
        Rows.uuid(rs, "user_id"),
        Rows.optionalUuid(rs, "strategy_id"),
        Rows.optionalUuid(rs, "rep_assignment_id"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"));
  }
}
