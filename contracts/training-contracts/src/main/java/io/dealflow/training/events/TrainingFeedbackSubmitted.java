package io.dealflow.training.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user rated a training session (again: the latest rating replaces the earlier one). The comment
 * itself stays in training-service.
 *
 * @param sessionId the training session
 * @param userId the user who rated it
 * @param scenarioId the scenario played
 * @param rating 1-5
 * @param difficultyRating 1-5, if given
 * @param technicalIssues whether the user reported technical issues
 * @param submittedAt when
 */
public record TrainingFeedbackSubmitted(
    UUID sessionId,
    UUID userId,
    UUID scenarioId,
    int rating,
    @Nullable Integer difficultyRating,
    boolean technicalIssues,
    Instant submittedAt) {}
