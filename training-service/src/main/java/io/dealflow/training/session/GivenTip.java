package io.dealflow.training.session;

import java.time.Instant;

/**
 * Coaching sent during a call, as stored.
 *
 * @param seq its place among the session's tips
 * @param repTurn the index of the rep's turn it followed
 */
public record GivenTip(
    int seq,
    String rule,
    String category,
    String urgency,
    String message,
    int repTurn,
    Instant givenAt) {}
