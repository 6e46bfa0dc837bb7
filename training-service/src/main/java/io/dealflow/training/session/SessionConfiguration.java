package io.dealflow.training.session;

/**
 * How a session runs, as the rep chose it.
 *
 * @param coachingEnabled whether coaching messages are sent during the call
 * @param difficultyLevel beginner, intermediate or advanced: how hard the prospect is to win
 * @param maxDuration seconds of call time after which the session ends by itself
 * @param voiceId the prospect's voice (see {@code Voices})
 */
public record SessionConfiguration(
    boolean coachingEnabled, String difficultyLevel, int maxDuration, String voiceId) {}
