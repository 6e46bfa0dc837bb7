package io.dealflow.training.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user finished a voice role-play training session. playbook-service counts its duration as
 * practice towards a rep assignment when the session was run for a practice session or an
 * assignment of the same user.
 *
 * @param sessionId the training session
 * @param userId the user who trained
 * @param scenarioId the scenario played, if any
 * @param sessionType the Voice Sales Trainer session type, e.g. {@code practice}
 * @param startedAt when it started
 * @param completedAt when it ended
 * @param duration how long it ran, in seconds
 * @param overallScore the session's overall score (0-100), once scored
 * @param practiceSessionId the playbook practice session it was run for, if any
 * @param repAssignmentId the playbook rep assignment it was run for, if any
 */
public record TrainingSessionCompleted(
    UUID sessionId,
    UUID userId,
    @Nullable UUID scenarioId,
    String sessionType,
    Instant startedAt,
    Instant completedAt,
    long duration,
    @Nullable BigDecimal overallScore,
    @Nullable UUID practiceSessionId,
    @Nullable UUID repAssignmentId) {}
