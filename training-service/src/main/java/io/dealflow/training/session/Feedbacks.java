package io.dealflow.training.session;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code session_feedback} table: one rating per session, replaced on resubmission. */
@Repository
class Feedbacks {

  private final JdbcClient jdbc;

  Feedbacks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void save(UUID orgId, UUID sessionId, UUID userId, SessionFeedback feedback) {
    jdbc.sql(
            """
            INSERT INTO session_feedback
                (session_id, org_id, user_id, rating, difficulty_rating, feedback,
                 technical_issues, submitted_at)
            VALUES (:sessionId, :orgId, :userId, :rating, :difficultyRating, :feedback,
                    :technicalIssues, :submittedAt)
            ON CONFLICT (session_id) DO UPDATE
            SET rating = EXCLUDED.rating, difficulty_rating = EXCLUDED.difficulty_rating,
                feedback = EXCLUDED.feedback, technical_issues = EXCLUDED.technical_issues,
                submitted_at = EXCLUDED.submitted_at
            WHERE session_feedback.org_id = EXCLUDED.org_id
            """)
        .param("sessionId", sessionId)
        .param("orgId", orgId)
        .param("userId", userId)
        .param("rating", feedback.rating())
        .param("difficultyRating", feedback.difficultyRating())
        .param("feedback", feedback.feedback())
        .param("technicalIssues", feedback.technicalIssues())
        .param("submittedAt", Timestamp.from(feedback.submittedAt()))
        .update();
  }

  Optional<SessionFeedback> find(UUID orgId, UUID sessionId) {
    return jdbc.sql(
            """
            SELECT rating, difficulty_rating, feedback, technical_issues, submitted_at
            FROM session_feedback WHERE org_id = :orgId AND session_id = :sessionId
            """)
        .param("orgId", orgId)
        .param("sessionId", sessionId)
        .query(
            (rs, row) ->
                new SessionFeedback(
                    rs.getInt("rating"),
                    (Integer) rs.getObject("difficulty_rating", Integer.class),
                    rs.getString("feedback"),
                    rs.getBoolean("technical_issues"),
                    rs.getTimestamp("submitted_at").toInstant()))
        .optional();
  }
}
