package io.dealflow.playbook.coach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code coach_messages} and {@code coach_feedback} tables; every query names its owner. */
@Repository
class CoachMessages {

  private static final String TURN =
      """
      SELECT m.id, m.position, m.conversation_id, m.role, m.content, m.status, m.provider, m.created_at,
             m.completed_at, f.rating, f.comment
      FROM coach_messages m LEFT JOIN coach_feedback f ON f.message_id = m.id
      """;

  private final JdbcClient jdbc;

  CoachMessages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(
      UUID id,
      UUID orgId,
      UUID userId,
      UUID conversationId,
      CoachTurn.Role role,
      String content,
      CoachTurn.Status status,
      @Nullable String provider,
      Instant now) {
    jdbc.sql(
            """
            INSERT INTO coach_messages
              (id, org_id, user_id, conversation_id, role, content, status, provider, created_at,
               completed_at)
            VALUES (:id, :orgId, :userId, :conversationId, :role, :content, :status, :provider,
                    :now, :completedAt)
            """)
        .param("id", id)
        .param("orgId", orgId)
        .param("userId", userId)
        .param("conversationId", conversationId)
        .param("role", role.name().toLowerCase())
        .param("content", content)
        .param("status", status.name().toLowerCase())
        .param("provider", provider)
        .param("now", Timestamp.from(now))
        .param("completedAt", status == CoachTurn.Status.ANSWERING ? null : Timestamp.from(now))
        .update();
  }

  /** Ends an answer that is still streaming; an answer already ended keeps what it has. */
  boolean finish(UUID id, String content, CoachTurn.Status status, Instant now) {
    return jdbc.sql(
                """
                UPDATE coach_messages SET content = :content, status = :status, completed_at = :now
                WHERE id = :id AND status = 'answering'
                """)
            .param("id", id)
            .param("content", content)
            .param("status", status.name().toLowerCase())
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  /** The conversation's last {@code limit} turns, oldest first. */
  List<CoachTurn> conversation(UUID orgId, UUID userId, UUID conversationId, int limit) {
    return jdbc.sql(
            "SELECT * FROM ("
                + TURN
                + """
                WHERE m.org_id = :orgId AND m.user_id = :userId
                  AND m.conversation_id = :conversationId
                ORDER BY m.position DESC LIMIT :limit
                ) latest ORDER BY position
                """)
        .param("orgId", orgId)
        .param("userId", userId)
        .param("conversationId", conversationId)
        .param("limit", limit)
        .query(CoachMessages::turn)
        .list();
  }

  /** One of the user's coach answers. */
  Optional<CoachTurn> answer(UUID orgId, UUID userId, UUID id) {
    return jdbc.sql(
            TURN
                + " WHERE m.id = :id AND m.org_id = :orgId AND m.user_id = :userId"
                + " AND m.role = 'coach'")
        .param("id", id)
        .param("orgId", orgId)
        .param("userId", userId)
        .query(CoachMessages::turn)
        .optional();
  }

  /** Stores the rating, replacing an earlier one of the same answer. */
  CoachRating rate(
      UUID orgId, UUID userId, UUID messageId, int rating, @Nullable String comment, Instant now) {
    return jdbc.sql(
            """
            INSERT INTO coach_feedback
              (message_id, org_id, user_id, rating, comment, created_at, updated_at)
            VALUES (:messageId, :orgId, :userId, :rating, :comment, :now, :now)
            ON CONFLICT (message_id) DO UPDATE
              SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, updated_at = EXCLUDED.updated_at
            RETURNING message_id, rating, comment, created_at, updated_at
            """)
        .param("messageId", messageId)
        .param("orgId", orgId)
        .param("userId", userId)
        .param("rating", rating)
        .param("comment", comment)
        .param("now", Timestamp.from(now))
        .query(
            (row, number) ->
                new CoachRating(
                    row.getObject("message_id", UUID.class),
                    row.getInt("rating"),
                    row.getString("comment"),
                    row.getTimestamp("created_at").toInstant(),
                    row.getTimestamp("updated_at").toInstant()))
        .single();
  }

  private static CoachTurn turn(ResultSet row, int number) throws SQLException {
    Timestamp completed = row.getTimestamp("completed_at");
    Integer rating = row.getObject("rating", Integer.class);
    return new CoachTurn(
        row.getObject("id", UUID.class),
        row.getObject("conversation_id", UUID.class),
        CoachTurn.Role.valueOf(row.getString("role").toUpperCase()),
        row.getString("content"),
        CoachTurn.Status.valueOf(row.getString("status").toUpperCase()),
        row.getString("provider"),
        row.getTimestamp("created_at").toInstant(),
        completed == null ? null : completed.toInstant(),
        rating,
        row.getString("comment"));
  }
}
