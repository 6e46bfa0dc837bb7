package io.dealflow.playbook.sailwind;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A rep asked to practise selling a product to a client, for at least some minutes.
 *
 * @param id its id
 * @param orgId its organization
 * @param userId the rep
 * @param productId the product
 * @param clientId the client
 * @param strategyId the approved strategy to practise, if one was given
 * @param minPracticeMinutes the practice asked for
 * @param practicedSeconds completed training time counted towards it so far
 * @param assignedBy the admin who assigned it; null for demo data
 * @param createdAt when it was assigned
 * @param updatedAt when it last changed (assigned or practised)
 */
public record RepAssignment(
    UUID id,
    UUID orgId,
    UUID userId,
    UUID productId,
    UUID clientId,
    @Nullable UUID strategyId,
    int minPracticeMinutes,
    long practicedSeconds,
    @Nullable UUID assignedBy,
    Instant createdAt,
    Instant updatedAt) {

  public static final int DEFAULT_MIN_PRACTICE_MINUTES = 30;
  public static final int MAX_MIN_PRACTICE_MINUTES = 10_000;

  /** Whole minutes practised. */
  public long practicedMinutes() {
    return practicedSeconds / 60;
  }

  /** Whether the practice asked for is done. */
  public boolean practiceComplete() {
    return practicedMinutes() >= minPracticeMinutes;
  }
}
