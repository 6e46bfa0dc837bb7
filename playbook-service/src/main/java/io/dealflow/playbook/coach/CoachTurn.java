package io.dealflow.playbook.coach;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One turn of a coach conversation, with the rep's rating when it is a rated answer.
 *
 * @param id the turn's id; a coach answer's is the {@code messageId} the rep rates
 * @param conversationId the conversation it belongs to
 * @param role who wrote it
 * @param content what was written (for a cancelled or failed answer, as much as was written)
 * @param status what became of it
 * @param provider the model that answered, for coach answers
 * @param createdAt when it was asked or started
 * @param completedAt when it ended
 * @param rating the rep's rating, 1-5
 * @param comment the rep's comment on it
 */
public record CoachTurn(
    UUID id,
    UUID conversationId,
    Role role,
    String content,
    Status status,
    @Nullable String provider,
    Instant createdAt,
    @Nullable Instant completedAt,
    @Nullable Integer rating,
    @Nullable String comment) {

  /** Who wrote a turn. */
  public enum Role {
    REP,
    COACH
  }

  /** What became of a turn; a coach answer is {@code ANSWERING} while it streams. */
  public enum Status {
    ANSWERING,
    COMPLETE,
    CANCELLED,
    FAILED
  }
}
