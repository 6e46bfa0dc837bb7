package io.dealflow.crm.conversation;

import io.dealflow.crm.analysis.Sentiment;
import io.dealflow.crm.jsonapi.JsonObjects;
import io.dealflow.crm.jsonapi.OrgScopedTable;
import io.dealflow.crm.jsonapi.OrgScopedTable.Sql;
import io.dealflow.crm.jsonapi.OrgScopedTable.Where;
import io.dealflow.crm.jsonapi.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code transcripts} table; every statement is scoped to one organization. */
@Repository
class Transcripts {

  private static final String COLUMNS =
      "id, org_id, conversation_id, content, speaker, sentiment, confidence, \"timestamp\","
          + " metadata, created_at";
  private static final String IN_ORDER = "\"timestamp\", created_at, id";
  private static final OrgScopedTable TABLE = new OrgScopedTable("transcripts", COLUMNS);

  private final JdbcClient jdbc;

  Transcripts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Transcript insert(Transcript transcript) {
    return jdbc.sql(
            """
            INSERT INTO transcripts (id, org_id, conversation_id, content, speaker, sentiment,
                                     confidence, "timestamp", metadata)
            VALUES (:id, :orgId, :conversationId, :content, :speaker, :sentiment,
                    :confidence, :timestamp, CAST(:metadata AS jsonb))
            RETURNING\s"""
                + COLUMNS)
        .param("id", transcript.id())
        .param("orgId", transcript.orgId())
        .param("conversationId", transcript.conversationId())
        .param("content", transcript.content())
        .param("speaker", transcript.speaker())
        .param("sentiment", transcript.sentiment().wire())
        .param("confidence", transcript.confidence())
        .param("timestamp", transcript.timestamp())
        .param("metadata", JsonObjects.write(transcript.metadata()))
        .query(Transcripts::map)
        .single();
  }

  /** Every line of the conversation, in the order they were said. */
  List<Transcript> all(UUID orgId, UUID conversationId) {
    Sql select = ofConversation(orgId, conversationId).all(IN_ORDER);
    return jdbc.sql(select.text()).params(select.params()).query(Transcripts::map).list();
  }

  List<Transcript> page(UUID orgId, UUID conversationId, PageRequest page) {
    Sql select = ofConversation(orgId, conversationId).page(IN_ORDER, page);
    return jdbc.sql(select.text()).params(select.params()).query(Transcripts::map).list();
  }

  long count(UUID orgId, UUID conversationId) {
    Sql count = ofConversation(orgId, conversationId).count();
    return jdbc.sql(count.text()).params(count.params()).query(Long.class).single();
  }

  private static Where ofConversation(UUID orgId, UUID conversationId) {
    return TABLE
        .where(orgId)
        .and("conversation_id = :conversationId", "conversationId", conversationId);
  }

  private static Transcript map(ResultSet rs, int row) throws SQLException {
    double confidence = rs.getDouble("confidence");
    Double confidenceOrNull = rs.wasNull() ? null : confidence;
    return new Transcript(
        rs.getObject("id", UUID.class),
        rs.getObject("org_id", UUID.class),
        rs.getObject("conversation_id", UUID.class),
        rs.getString("content"),
        rs.getString("speaker"),
        Sentiment.fromWire(rs.getString("sentiment")).orElseThrow(),
        confidenceOrNull,
        rs.getDouble("timestamp"),
        JsonObjects.read(rs.getString("metadata")),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
