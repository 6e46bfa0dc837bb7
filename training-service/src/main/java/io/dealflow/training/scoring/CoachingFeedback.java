package io.dealflow.training.scoring;

/** One item of the seed's end-of-call {@code coaching_feedback}. */
public record CoachingFeedback(
    String category, String feedback, int score, String improvementTip) {}
