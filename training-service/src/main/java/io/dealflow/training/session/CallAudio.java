package io.dealflow.training.session;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code call_audio} table: sealed recordings of the rep's lines, when opted in. */
@Repository
class CallAudio {

  private final JdbcClient jdbc;

  CallAudio(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(UUID orgId, UUID sessionId, int seq, String sealed, Instant now, Instant expires) {
    jdbc.sql(
            """
            INSERT INTO call_audio (session_id, seq, org_id, sealed, created_at, expires_at)
            VALUES (:sessionId, :seq, :orgId, :sealed, :now, :expires)
            ON CONFLICT (session_id, seq) DO NOTHING
            """)
        .param("sessionId", sessionId)
        .param("seq", seq)
        .param("orgId", orgId)
        .param("sealed", sealed)
        .param("now", Timestamp.from(now))
        .param("expires", Timestamp.from(expires))
        .update();
  }

  Optional<String> find(UUID orgId, UUID sessionId, int seq, Instant now) {
    return jdbc.sql(
            """
            SELECT sealed FROM call_audio
            WHERE org_id = :orgId AND session_id = :sessionId AND seq = :seq AND expires_at > :now
            """)
        .param("orgId", orgId)
        .param("sessionId", sessionId)
        .param("seq", seq)
        .param("now", Timestamp.from(now))
        .query(String.class)
        .optional();
  }

  /** Removes recordings past their retention, of every organization; how many went. */
  int deleteExpired(Instant now) {
    return jdbc.sql("DELETE FROM call_audio WHERE expires_at <= :now")
        .param("now", Timestamp.from(now))
        .update();
  }
}
