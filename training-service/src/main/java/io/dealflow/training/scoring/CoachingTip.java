package io.dealflow.training.scoring;

/**
 * Coaching sent during the call, as the seed's {@code coaching} message.
 *
 * @param rule the rule that fired, e.g. {@code monologue}
 * @param category the skill it is about
 * @param urgency low, medium or high
 * @param message what to do now
 */
public record CoachingTip(String rule, String category, String urgency, String message) {}
