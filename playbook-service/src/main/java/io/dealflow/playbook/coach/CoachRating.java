package io.dealflow.playbook.coach;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A rep's rating of one coach answer, as stored. */
public record CoachRating(
    UUID messageId, int rating, @Nullable String comment, Instant createdAt, Instant updatedAt) {}
