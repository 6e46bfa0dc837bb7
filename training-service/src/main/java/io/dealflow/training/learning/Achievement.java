package io.dealflow.training.learning;

import java.time.Instant;

/** An achievement a rep earned, and when (the completion of the session that earned it). */
public record Achievement(String name, String description, Instant earnedAt) {}
