package io.dealflow.crm.demo;

import io.dealflow.crm.jsonapi.JsonObjects;
import io.dealflow.crm.lead.LeadScoring.ScoreCard;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes the demo rows under their fixed ids. Each insert answers whether the row is new, so that a
 * second start neither duplicates a row nor overwrites what someone changed in the demo.
 */
@Repository
class DemoRows {

  private final JdbcClient jdbc;

  DemoRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean assistant(
      UUID orgId,
      UUID id,
      UUID userId,
      String name,
      String tone,
      String script,
      Map<String, Object> voice) {
    return jdbc.sql(
                """
                INSERT INTO assistants (id, org_id, user_id, name, tone, role, script, voice_settings)
                VALUES (:id, :orgId, :userId, :name, :tone, 'sales_rep', :script,
                        CAST(:voice AS jsonb))
                ON CONFLICT (id) DO NOTHING
                """)
            .param("id", id)
            .param("orgId", orgId)
            .param("userId", userId)
            .param("name", name)
            .param("tone", tone)
            .param("script", script)
            .param("voice", JsonObjects.write(voice))
            .update()
        > 0;
  }

  boolean lead(
      UUID orgId,
      UUID id,
      UUID assistantId,
      String name,
      String email,
      String source,
      Map<String, Object> metadata,
      ScoreCard card) {
    return jdbc.sql(
                """
                INSERT INTO leads (id, org_id, assistant_id, name, email, source, metadata,
                                   score, computed_score, score_breakdown)
                VALUES (:id, :orgId, :assistantId, :name, :email, :source, CAST(:metadata AS jsonb),
                        :score, :score, CAST(:breakdown AS jsonb))
                ON CONFLICT (id) DO NOTHING
                """)
            .param("id", id)
            .param("orgId", orgId)
            .param("assistantId", assistantId)
            .param("name", name)
            .param("email", email)
            .param("source", source)
            .param("metadata", JsonObjects.write(metadata))
            .param("score", card.total())
            .param("breakdown", JsonObjects.write(card.criteria()))
            .update()
        > 0;
  }

  boolean conversation(
      UUID orgId,
      UUID id,
      UUID leadId,
      UUID assistantId,
      String status,
      @Nullable Integer duration,
      @Nullable Double score,
      @Nullable String sentiment,
      Instant startedAt,
      @Nullable Instant endedAt) {
    return jdbc.sql(
                """
                INSERT INTO conversations (id, org_id, lead_id, assistant_id, source, status,
                                           duration, score, score_computed, sentiment,
                                           sentiment_computed, started_at, ended_at)
                VALUES (:id, :orgId, :leadId, :assistantId, 'phone_call', :status,
                        :duration, :score, :computed, :sentiment, :computed, :startedAt, :endedAt)
                ON CONFLICT (id) DO NOTHING
                """)
            .param("id", id)
            .param("orgId", orgId)
            .param("leadId", leadId)
            .param("assistantId", assistantId)
            .param("status", status)
            .param("duration", duration)
            .param("score", score == null ? null : BigDecimal.valueOf(score))
            .param("computed", score != null)
            .param("sentiment", sentiment)
            .param("startedAt", Timestamp.from(startedAt))
            .param("endedAt", endedAt == null ? null : Timestamp.from(endedAt))
            .update()
        > 0;
  }

  void transcript(
      UUID orgId,
      UUID id,
      UUID conversationId,
      String speaker,
      String content,
      String sentiment,
      double timestamp,
      List<String> keywords) {
    jdbc.sql(
            """
            INSERT INTO transcripts (id, org_id, conversation_id, content, speaker, sentiment,
                                     confidence, "timestamp", metadata)
            VALUES (:id, :orgId, :conversationId, :content, :speaker, :sentiment,
                    0.95, :timestamp, CAST(:metadata AS jsonb))
            ON CONFLICT (id) DO NOTHING
            """)
        .param("id", id)
        .param("orgId", orgId)
        .param("conversationId", conversationId)
        .param("content", content)
        .param("speaker", speaker)
        .param("sentiment", sentiment)
        .param("timestamp", timestamp)
        .param("metadata", JsonObjects.write(Map.of("keywords", keywords)))
        .update();
  }

  boolean appointment(
      UUID orgId,
      UUID id,
      UUID leadId,
      UUID assistantId,
      Instant scheduledAt,
      int duration,
      String link,
      Map<String, Object> metadata) {
    return jdbc.sql(
                """
                INSERT INTO appointments (id, org_id, lead_id, assistant_id, scheduled_at, duration,
                                          external_link, metadata)
                VALUES (:id, :orgId, :leadId, :assistantId, :scheduledAt, :duration, :link,
                        CAST(:metadata AS jsonb))
                ON CONFLICT (id) DO NOTHING
                """)
            .param("id", id)
            .param("orgId", orgId)
            .param("leadId", leadId)
            .param("assistantId", assistantId)
            .param("scheduledAt", Timestamp.from(scheduledAt))
            .param("duration", duration)
            .param("link", link)
            .param("metadata", JsonObjects.write(metadata))
            .update()
        > 0;
  }
}
