package io.dealflow.playbook.sailwind;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code rep_assignments} table. Every query names its organization. */
@Repository
class RepAssignments {

  private static final String COLUMNS =
      """
      id, org_id, user_id, product_id, client_id, strategy_id, min_practice_minutes,
      practiced_seconds, assigned_by, created_at, updated_at
      """;

  private final JdbcClient jdbc;

  RepAssignments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the assignment (or, with {@code ifAbsent}, not if its id exists); true if inserted. */
  boolean insert(RepAssignment assignment, boolean ifAbsent) {
    return jdbc.sql(
                """
                INSERT INTO rep_assignments (%s)
                VALUES (:id, :orgId, :userId, :productId, :clientId, :strategyId, :minutes,
                        :seconds, :assignedBy, :createdAt, :updatedAt)
                """
                        .formatted(COLUMNS)
                    + (ifAbsent ? " ON CONFLICT (id) DO NOTHING" : ""))
            .param("id", assignment.id())
            .param("orgId", assignment.orgId())
            .param("userId", assignment.userId())
            .param("productId", assignment.productId())
            .param("clientId", assignment.clientId())
            .param("strategyId", assignment.strategyId())
            .param("minutes", assignment.minPracticeMinutes())
            .param("seconds", assignment.practicedSeconds())
            .param("assignedBy", assignment.assignedBy())
            .param("createdAt", Rows.timestamp(assignment.createdAt()))
            .param("updatedAt", Rows.timestamp(assignment.updatedAt()))
            .update()
        == 1;
  }

  Optional<RepAssignment> find(UUID orgId, UUID id) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM rep_assignments WHERE id = :id AND org_id = :orgId")
        .param("id", id)
        .param("orgId", orgId)
        .query(RepAssignments::map)
        .optional();
  }

  /** The user's assignments in the organization, newest first. */
  List<RepAssignment> ofUser(UUID orgId, UUID userId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM rep_assignments WHERE org_id = :orgId AND user_id = :userId"
                + " ORDER BY created_at DESC, id DESC")
        .param("orgId", orgId)
        .param("userId", userId)
        .query(RepAssignments::map)
        .list();
  }

  /** Adds practice to the user's assignment; false when it is not theirs in that organization. */
  boolean addPractice(UUID orgId, UUID id, UUID userId, long seconds, Instant now) {
    return jdbc.sql(
                """
                UPDATE rep_assignments
                SET practiced_seconds = practiced_seconds + :seconds, updated_at = :now
                WHERE id = :id AND org_id = :orgId AND user_id = :userId
                """)
            .param("seconds", seconds)
            .param("now", Rows.timestamp(now))
            .param("id", id)
            .param("orgId", orgId)
            .param("userId", userId)
            .update()
        == 1;
  }

  private static RepAssignment map(ResultSet rs, int row) throws SQLException {
    return new RepAssignment(
        Rows.uuid(rs, "id"),
        Rows.uuid(rs, "org_id"),
        Rows.uuid(rs, "user_id"),
        Rows.uuid(rs, "product_id"),
        Rows.uuid(rs, "client_id"),
        Rows.optionalUuid(rs, "strategy_id"),
        rs.getInt("min_practice_minutes"),
        rs.getLong("practiced_seconds"),
        Rows.optionalUuid(rs, "assigned_by"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"));
  }
}
