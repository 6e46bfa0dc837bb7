package io.dealflow.training.session;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The rep's rating of a session; submitting again replaces it. */
public record SessionFeedback(
    int rating,
    @Nullable Integer difficultyRating,
    @Nullable String feedback,
    boolean technicalIssues,
    Instant submittedAt) {}
