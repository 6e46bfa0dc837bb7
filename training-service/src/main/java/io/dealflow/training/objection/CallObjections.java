package io.dealflow.training.objection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code call_objections} table: the objections heard in each organization's calls, the newest
 * {@value ObjectionManagement#KEPT_PER_ORGANIZATION} per organization. Every query names its
 * organization.
 */
@Repository
class CallObjections {

  private final JdbcClient jdbc;

  CallObjections(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores it; false when its event was stored already. */
  boolean insert(HeardObjection objection) {
    return jdbc.sql(
                """
                INSERT INTO call_objections
                  (id, org_id, conversation_id, transcript_id, text, theme, heard_at, event_id)
                VALUES (:id, :orgId, :conversationId, :transcriptId, :text, :theme, :heardAt,
                        :eventId)
                ON CONFLICT (org_id, event_id) DO NOTHING
                """)
            .param("id", objection.id())
            .param("orgId", objection.orgId())
            .param("conversationId", objection.conversationId())
            .param("transcriptId", objection.transcriptId())
            .param("text", objection.text())
            .param("theme", objection.theme().id())
            .param("heardAt", Timestamp.from(objection.heardAt()))
            .param("eventId", objection.eventId())
            .update()
        == 1;
  }

  /** Drops all but the organization's newest {@code kept}. */
  void keepNewest(UUID orgId, int kept) {
    jdbc.sql(
            """
            DELETE FROM call_objections
            WHERE org_id = :orgId AND id IN (
              SELECT id FROM call_objections WHERE org_id = :orgId
              ORDER BY heard_at DESC, id DESC OFFSET :kept)
            """)
        .param("orgId", orgId)
        .param("kept", kept)
        .update();
  }

  /** The organization's objections, newest first. */
  List<HeardObjection> all(UUID orgId) {
    return jdbc.sql(
            """
            SELECT id, org_id, conversation_id, transcript_id, text, theme, heard_at, event_id
            FROM call_objections WHERE org_id = :orgId
            ORDER BY heard_at DESC, id DESC
            """)
        .param("orgId", orgId)
        .query(this::map)
        .list();
  }

  private HeardObjection map(ResultSet rs, int row) throws SQLException {
    return new HeardObjection(
        rs.getObject("id", UUID.class),
        rs.getObject("org_id", UUID.class),
        rs.getObject("conversation_id", UUID.class),
        rs.getObject("transcript_id", UUID.class),
        rs.getString("text"),
        ObjectionTheme.fromId(rs.getString("theme")),
        rs.getTimestamp("heard_at").toInstant(),
        rs.getObject("event_id", UUID.class));
  }
}
