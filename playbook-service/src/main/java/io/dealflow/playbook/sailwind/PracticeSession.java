package io.dealflow.playbook.sailwind;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A rep's practice of a strategy, an assignment or both.
 *
 * @param id its id
 * @param orgId its organization
 * @param userId the rep
 * @param strategyId the strategy practised, if any
 * @param repAssignmentId the rep's assignment it counts towards, if any
 * @param createdAt when it started
 * @param updatedAt when it last changed
 */
public record PracticeSession(
    UUID id,
    UUID orgId,
    UUID userId,
    @Nullable UUID strategyId,
    @Nullable UUID repAssignmentId,
    Instant createdAt,
    Instant updatedAt) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;
}
