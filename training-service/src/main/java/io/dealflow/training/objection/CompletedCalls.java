package io.dealflow.training.objection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code completed_calls} table: how long each organization's completed crm calls lasted, the
 * newest {@value ObjectionManagement#KEPT_PER_ORGANIZATION} per organization.
 */
@Repository
class CompletedCalls {

  private final JdbcClient jdbc;

  CompletedCalls(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a call; a conversation completed again keeps its latest length. */
  void record(UUID orgId, UUID conversationId, int seconds, Instant completedAt) {
    jdbc.sql(
            """
            INSERT INTO completed_calls (org_id, conversation_id, duration, completed_at)
            VALUES (:orgId, :conversationId, :duration, :completedAt)
            ON CONFLICT (org_id, conversation_id)
            DO UPDATE SET duration = EXCLUDED.duration, completed_at = EXCLUDED.completed_at
            """)
        .param("orgId", orgId)
        .param("conversationId", conversationId)
        .param("duration", seconds)
        .param("completedAt", Timestamp.from(completedAt))
        .update();
  }

  /** Drops all but the organization's newest {@code kept}. */
  void keepNewest(UUID orgId, int kept) {
    jdbc.sql(
            """
            DELETE FROM completed_calls
            WHERE org_id = :orgId AND conversation_id IN (
              SELECT conversation_id FROM completed_calls WHERE org_id = :orgId
              ORDER BY completed_at DESC, conversation_id DESC OFFSET :kept)
            """)
        .param("orgId", orgId)
        .param("kept", kept)
        .update();
  }

  /** The lengths of the organization's completed calls, in seconds. */
  List<Integer> durations(UUID orgId) {
    return jdbc.sql("SELECT duration FROM completed_calls WHERE org_id = :orgId")
        .param("orgId", orgId)
        .query(Integer.class)
        .list();
  }
}
