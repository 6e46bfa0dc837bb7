package io.dealflow.support.conversation;

import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code message_feedback} table: one rating per answer, replaced on resubmission. */
@Repository
class MessageFeedbacks {

  private final JdbcClient jdbc;

  MessageFeedbacks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void save(UUID orgId, MessageFeedback feedback) {
    jdbc.sql(
            """
            INSERT INTO message_feedback
                (message_id, org_id, user_id, rating, feedback, category, created_at)
            VALUES (:messageId, :orgId, :userId, :rating, :feedback, :category, :createdAt)
            ON CONFLICT (message_id) DO UPDATE
            SET user_id = EXCLUDED.user_id, rating = EXCLUDED.rating,
                feedback = EXCLUDED.feedback, category = EXCLUDED.category,
                created_at = EXCLUDED.created_at
            WHERE message_feedback.org_id = EXCLUDED.org_id
            """)
        .param("messageId", feedback.messageId())
        .param("orgId", orgId)
        .param("userId", feedback.userId())
        .param("rating", feedback.rating())
        .param("feedback", feedback.feedback())
        .param("category", feedback.category())
        .param("createdAt", Timestamp.from(feedback.createdAt()))
        .update();
  }
}
