package io.dealflow.support.conversation;

import io.dealflow.support.answer.Citation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code support_messages} table. Every query names its organization. */
@Repository
class Messages {

  private static final String COLUMNS =
      """
      id, org_id, session_id, sender_id, message_type, content, status, metadata, citations,
      redactions, intent, confidence, sentiment, answered, response_time_ms, created_at
      """;

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  private static final TypeReference<List<Citation>> CITATIONS = new TypeReference<>() {};
  private static final TypeReference<List<MaskedSpan>> SPANS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  Messages(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(Message message) {
    jdbc.sql(
            """
            INSERT INTO support_messages
                (id, org_id, session_id, sender_id, message_type, content, status, metadata,
                 citations, redactions, intent, confidence, sentiment, answered, response_time_ms,
                 created_at)
            VALUES (:id, :orgId, :sessionId, :senderId, :type, :content, :status,
                    CAST(:metadata AS jsonb), CAST(:citations AS jsonb), CAST(:redactions AS jsonb),
                    :intent, :confidence, :sentiment, :answered, :responseTimeMs, :createdAt)
            """)
        .param("id", message.id())
        .param("orgId", message.orgId())
        .param("sessionId", message.sessionId())
        .param("senderId", message.senderId())
        .param("type", message.type().id())
        .param("content", message.content())
        .param("status", message.status())
        .param("metadata", json.writeValueAsString(message.metadata()))
        .param("citations", json.writeValueAsString(message.citations()))
        .param("redactions", json.writeValueAsString(message.redactions()))
        .param("intent", message.intent())
        .param("confidence", message.confidence())
        .param("sentiment", message.sentiment())
        .param("answered", message.answered())
        .param("responseTimeMs", message.responseTimeMs())
        .param("createdAt", Timestamp.from(message.createdAt()))
        .update();
  }

  /** Records whether the assistant could answer a customer's message. */
  void markAnswered(UUID orgId, UUID messageId, boolean answered) {
    jdbc.sql("UPDATE support_messages SET answered = :answered WHERE org_id = :orgId AND id = :id")
        .param("orgId", orgId)
        .param("id", messageId)
        .param("answered", answered)
        .update();
  }

  Optional<Message> find(UUID orgId, UUID id) {
    return jdbc.sql(
            "SELECT %s FROM support_messages WHERE org_id = :orgId AND id = :id".formatted(COLUMNS))
        .param("orgId", orgId)
        .param("id", id)
        .query(this::message)
        .optional();
  }

  /** A page of the session's messages, oldest first. */
  List<Message> ofSession(UUID orgId, UUID sessionId, int offset, int limit) {
    return jdbc.sql(
            """
            SELECT %s FROM support_messages WHERE org_id = :orgId AND session_id = :sessionId
            ORDER BY seq OFFSET :offset LIMIT :limit
            """
                .formatted(COLUMNS))
        .param("orgId", orgId)
        .param("sessionId", sessionId)
        .param("offset", offset)
        .param("limit", limit)
        .query(this::message)
        .list();
  }

  long countOfSession(UUID orgId, UUID sessionId) {
    return jdbc.sql(
            "SELECT count(*) FROM support_messages WHERE org_id = :orgId AND session_id = :sessionId")
        .param("orgId", orgId)
        .param("sessionId", sessionId)
        .query(Long.class)
        .single();
  }

  /** The customer's earlier messages in the session that the assistant could not answer. */
  List<String> unansweredQuestions(UUID orgId, UUID sessionId) {
    return jdbc.sql(
            """
            SELECT content FROM support_messages
            WHERE org_id = :orgId AND session_id = :sessionId AND message_type = 'user'
              AND answered = false
            ORDER BY seq
            """)
        .param("orgId", orgId)
        .param("sessionId", sessionId)
        .query(String.class)
        .list();
  }

  private Message message(ResultSet rs, int row) throws SQLException {
    String citations = rs.getString("citations");
    String redactions = rs.getString("redactions");
    return new Message(
        rs.getObject("id", UUID.class),
        rs.getObject("org_id", UUID.class),
        rs.getObject("session_id", UUID.class),
        rs.getObject("sender_id", UUID.class),
        MessageType.of(rs.getString("message_type")),
        rs.getString("content"),
        rs.getString("status"),
        json.readValue(rs.getString("metadata"), OBJECT),
        citations == null ? List.of() : json.readValue(citations, CITATIONS),
        redactions == null ? List.of() : json.readValue(redactions, SPANS),
        rs.getString("intent"),
        rs.getObject("confidence", Double.class),
        rs.getString("sentiment"),
        rs.getObject("answered", Boolean.class),
        rs.getObject("response_time_ms", Integer.class),
        rs.getTimestamp("created_at").toInstant());
  }
}
