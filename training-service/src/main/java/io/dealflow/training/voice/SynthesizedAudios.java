package io.dealflow.training.voice;

import io.dealflow.training.speech.SpeechFormat;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code synthesized_audio} table. Every query names its organization, but the sweep. */
@Repository
class SynthesizedAudios {

  private final JdbcClient jdbc;

  SynthesizedAudios(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(SynthesizedAudio audio) {
    jdbc.sql(
            """
            INSERT INTO synthesized_audio
                (id, org_id, user_id, format, duration_ms, bytes, created_at, expires_at)
            VALUES (:id, :orgId, :userId, :format, :durationMs, :bytes, :createdAt, :expiresAt)
            """)
        .param("id", audio.id())
        .param("orgId", audio.orgId())
        .param("userId", audio.userId())
        .param("format", audio.format().wireName())
        .param("durationMs", audio.duration().toMillis())
        .param("bytes", audio.bytes())
        .param("createdAt", Timestamp.from(audio.createdAt()))
        .param("expiresAt", Timestamp.from(audio.expiresAt()))
        .update();
  }

  Optional<SynthesizedAudio> find(UUID orgId, UUID id, Instant now) {
    return jdbc.sql(
            """
            SELECT id, org_id, user_id, format, duration_ms, bytes, created_at, expires_at
            FROM synthesized_audio WHERE id = :id AND org_id = :orgId AND expires_at > :now
            """)
        .param("id", id)
        .param("orgId", orgId)
        .param("now", Timestamp.from(now))
        .query(
            (rs, row) ->
                new SynthesizedAudio(
                    rs.getObject("id", UUID.class),
                    rs.getObject("org_id", UUID.class),
                    rs.getObject("user_id", UUID.class),
                    SpeechFormat.fromWire(rs.getString("format")),
                    Duration.ofMillis(rs.getLong("duration_ms")),
                    rs.getBytes("bytes"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("expires_at").toInstant()))
        .optional();
  }

  /** Removes expired audio of every organization; how many rows went. */
  int deleteExpired(Instant now) {
    return jdbc.sql("DELETE FROM synthesized_audio WHERE expires_at <= :now")
        .param("now", Timestamp.from(now))
        .update();
  }
}
