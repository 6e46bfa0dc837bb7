package io.dealflow.crm.conversation;

import io.dealflow.crm.analysis.Sentiment;
import io.dealflow.crm.jsonapi.JsonObjects;
import io.dealflow.crm.jsonapi.OrgScopedTable;
import io.dealflow.crm.jsonapi.OrgScopedTable.Sql;
import io.dealflow.crm.jsonapi.OrgScopedTable.Where;
import io.dealflow.crm.jsonapi.PageRequest;
import io.dealflow.crm.jsonapi.Sort;
import io.dealflow.crm.lead.Engagement;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code conversations} table; every statement is scoped to one organization. */
@Repository
class Conversations {

  private static final String COLUMNS =
      "id, org_id, lead_id, assistant_id, source, status, duration, score, score_computed,"
          + " sentiment, sentiment_computed, metadata, started_at, ended_at, created_at,"
          + " updated_at";

  private static final OrgScopedTable TABLE = new OrgScopedTable("conversations", COLUMNS);

  private final JdbcClient jdbc;

  Conversations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Conversation insert(Conversation conversation) {
    return jdbc.sql(
            """
            INSERT INTO conversations (id, org_id, lead_id, assistant_id, source, status, duration,
                                       score, score_computed, sentiment, sentiment_computed,
                                       metadata, started_at, ended_at)
            VALUES (:id, :orgId, :leadId, :assistantId, :source, :status, :duration,
                    :score, :scoreComputed, :sentiment, :sentimentComputed,
                    CAST(:metadata AS jsonb), :startedAt, :endedAt)
            RETURNING\s"""
                + COLUMNS)
        .params(values(conversation))
        .query(Conversations::map)
        .single();
  }

  Conversation update(Conversation conversation) {
    return jdbc.sql(
            """
            UPDATE conversations
               SET lead_id = :leadId, assistant_id = :assistantId, source = :source,
                   status = :status, duration = :duration, score = :score,
                   score_computed = :scoreComputed, sentiment = :sentiment,
                   sentiment_computed = :sentimentComputed, metadata = CAST(:metadata AS jsonb),
                   started_at = :startedAt, ended_at = :endedAt, updated_at = now()
             WHERE org_id = :orgId AND id = :id
            RETURNING\s"""
                + COLUMNS)
        .params(values(conversation))
        .query(Conversations::map)
        .single();
  }

  Optional<Conversation> find(UUID orgId, UUID id) {
    return jdbc.sql(TABLE.selectById())
        .param("orgId", orgId)
        .param("id", id)
        .query(Conversations::map)
        .optional();
  }

  /** Locks the conversation's row until the transaction ends. */
  Optional<Conversation> lock(UUID orgId, UUID id) {
    return jdbc.sql(TABLE.lockById())
        .param("orgId", orgId)
        .param("id", id)
        .query(Conversations::map)
        .optional();
  }

  List<Conversation> page(UUID orgId, ConversationFilter filter, Sort sort, PageRequest page) {
    Sql select = where(orgId, filter).page(sort, page);
    return jdbc.sql(select.text()).params(select.params()).query(Conversations::map).list();
  }

  long count(UUID orgId, ConversationFilter filter) {
    Sql count = where(orgId, filter).count();
    return jdbc.sql(count.text()).params(count.params()).query(Long.class).single();
  }

  boolean delete(UUID orgId, UUID id) {
    return jdbc.sql(TABLE.deleteById()).param("orgId", orgId).param("id", id).update() > 0;
  }

  /** How the lead engaged: its conversations counted, their scores and sentiments summed up. */
  Engagement engagement(UUID orgId, UUID leadId) {
    return jdbc.sql(
            """
            SELECT count(*)                                       AS conversations,
                   count(*) FILTER (WHERE status = 'completed')   AS completed,
                   avg(score)                                     AS average_score,
                   count(*) FILTER (WHERE sentiment = 'positive') AS positive,
                   count(sentiment)                               AS with_sentiment
              FROM conversations
             WHERE org_id = :orgId AND lead_id = :leadId
            """)
        .param("orgId", orgId)
        .param("leadId", leadId)
        .query(
            (rs, row) -> {
              BigDecimal average = rs.getBigDecimal("average_score");
              return new Engagement(
                  rs.getInt("conversations"),
                  rs.getInt("completed"),
                  average == null ? null : average.doubleValue(),
                  rs.getInt("positive"),
                  rs.getInt("with_sentiment"));
            })
        .single();
  }

  private static Where where(UUID orgId, ConversationFilter filter) {
    return TABLE
        .where(orgId)
        .and("lead_id = :leadId", "leadId", filter.leadId())
        .and("assistant_id = :assistantId", "assistantId", filter.assistantId())
        .and("status = :status", "status", filter.status() == null ? null : filter.status().wire())
        .and("coalesce(started_at, created_at) >= :from", "from", filter.from())
        .and("coalesce(started_at, created_at) < :until", "until", filter.until());
  }

  private static Map<String, Object> values(Conversation c) {
    Map<String, Object> values = new HashMap<>();
    values.put("id", c.id());
    values.put("orgId", c.orgId());
    values.put("leadId", c.leadId());
    values.put("assistantId", c.assistantId());
    values.put("source", c.source());
    values.put("status", c.status().wire());
    values.put("duration", c.duration());
    values.put("score", c.score() == null ? null : BigDecimal.valueOf(c.score()));
    values.put("scoreComputed", c.scoreComputed());
    values.put("sentiment", c.sentiment() == null ? null : c.sentiment().wire());
    values.put("sentimentComputed", c.sentimentComputed());
    values.put("metadata", JsonObjects.write(c.metadata()));
    values.put("startedAt", timestamp(c.startedAt()));
    values.put("endedAt", timestamp(c.endedAt()));
    return values;
  }

  private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Conversation map(ResultSet rs, int row) throws SQLException {
    int duration = rs.getInt("duration");
    Integer durationOrNull = rs.wasNull() ? null : duration;
    BigDecimal score = rs.getBigDecimal("score");
    String sentiment = rs.getString("sentiment");
    return new Conversation(
        rs.getObject("id", UUID.class),
        rs.getObject("org_id", UUID.class),
        rs.getObject("lead_id", UUID.class),
        rs.getObject("assistant_id", UUID.class),
        rs.getString("source"),
        ConversationStatus.fromWire(rs.getString("status")).orElseThrow(),
        durationOrNull,
        score == null ? null : score.doubleValue(),
        rs.getBoolean("score_computed"),
        sentiment == null ? null : Sentiment.fromWire(sentiment).orElseThrow(),
        rs.getBoolean("sentiment_computed"),
        JsonObjects.read(rs.getString("metadata")),
        instant(rs, "started_at"),
        instant(rs, "ended_at"),
        Objects.requireNonNull(instant(rs, "created_at")),
        Objects.requireNonNull(instant(rs, "updated_at")));
  }
}
