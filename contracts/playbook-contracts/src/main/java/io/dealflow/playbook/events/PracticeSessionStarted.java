package io.dealflow.playbook.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A rep started practising a strategy, an assignment or both. A training session run for it names
 * the session as {@code practice_session_id} in {@code training.session.completed}.
 *
 * @param sessionId the practice session
 * @param userId the rep
 * @param strategyId the strategy practised, if any
 * @param repAssignmentId the assignment the practice counts towards, if any
 * @param startedAt when
 */
public record PracticeSessionStarted(
    UUID sessionId,
    UUID userId,
    @Nullable UUID strategyId,
    @Nullable UUID repAssignmentId,
    Instant startedAt) {}
