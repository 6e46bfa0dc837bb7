package io.dealflow.training.session;

import io.dealflow.training.scoring.Speaker;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What was said and coached in sessions: {@code session_turns} and {@code session_coaching}. A line
 * is written as soon as it is said, so nothing of a call is lost when its socket drops.
 */
@Repository
class Transcripts {

  private final JdbcClient jdbc;

  Transcripts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void append(UUID orgId, UUID sessionId, Turn turn) {
    jdbc.sql(
            """
            INSERT INTO session_turns
                (session_id, seq, org_id, speaker, text, spoken_at, speech_ms, source, sentiment,
                 intent)
            VALUES (:sessionId, :seq, :orgId, :speaker, :text, :spokenAt, :speechMs, :source,
                    :sentiment, :intent)
            """)
        .param("sessionId", sessionId)
        .param("seq", turn.seq())
        .param("orgId", orgId)
        .param("speaker", turn.speaker().id())
        .param("text", turn.text())
        .param("spokenAt", Timestamp.from(turn.spokenAt()))
        .param("speechMs", turn.speech().toMillis())
        .param("source", turn.source())
        .param("sentiment", turn.sentiment())
        .param("intent", turn.intent())
        .update();
  }

  List<Turn> turns(UUID orgId, UUID sessionId) {
    return jdbc.sql(
            """
            SELECT seq, speaker, text, spoken_at, speech_ms, source, sentiment, intent
            FROM session_turns WHERE org_id = :orgId AND session_id = :sessionId ORDER BY seq
            """)
        .param("orgId", orgId)
        .param("sessionId", sessionId)
        .query(Transcripts::turn)
        .list();
  }

  /** The turns of many sessions of one organization, for analytics. */
  List<SessionTurn> turnsOf(UUID orgId, List<UUID> sessionIds) {
    if (sessionIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            SELECT session_id, seq, speaker, text, spoken_at, speech_ms, source, sentiment, intent
            FROM session_turns WHERE org_id = :orgId AND session_id IN (:sessionIds)
            ORDER BY session_id, seq
            """)
        .param("orgId", orgId)
        .param("sessionIds", sessionIds)
        .query((rs, row) -> new SessionTurn(rs.getObject("session_id", UUID.class), turn(rs, row)))
        .list();
  }

  void coach(UUID orgId, UUID sessionId, GivenTip tip) {
    jdbc.sql(
            """
            INSERT INTO session_coaching
                (session_id, seq, org_id, rule, category, urgency, message, rep_turn, given_at)
            VALUES (:sessionId, :seq, :orgId, :rule, :category, :urgency, :message, :repTurn,
                    :givenAt)
            """)
        .param("sessionId", sessionId)
        .param("seq", tip.seq())
        .param("orgId", orgId)
        .param("rule", tip.rule())
        .param("category", tip.category())
        .param("urgency", tip.urgency())
        .param("message", tip.message())
        .param("repTurn", tip.repTurn())
        .param("givenAt", Timestamp.from(tip.givenAt()))
        .update();
  }

  List<GivenTip> tips(UUID orgId, UUID sessionId) {
    return jdbc.sql(
            """
            SELECT seq, rule, category, urgency, message, rep_turn, given_at
            FROM session_coaching WHERE org_id = :orgId AND session_id = :sessionId ORDER BY seq
            """)
        .param("orgId", orgId)
        .param("sessionId", sessionId)
        .query(
            (rs, row) ->
                new GivenTip(
                    rs.getInt("seq"),
                    rs.getString("rule"),
                    rs.getString("category"),
                    rs.getString("urgency"),
                    rs.getString("message"),
                    rs.getInt("rep_turn"),
                    rs.getTimestamp("given_at").toInstant()))
        .list();
  }

  private static Turn turn(ResultSet rs, int row) throws SQLException {
    return new Turn(
        rs.getInt("seq"),
        Speaker.of(rs.getString("speaker")),
        rs.getString("text"),
        rs.getTimestamp("spoken_at").toInstant(),
        Duration.ofMillis(rs.getLong("speech_ms")),
        rs.getString("source"),
        rs.getString("sentiment"),
        rs.getString("intent"));
  }
}
