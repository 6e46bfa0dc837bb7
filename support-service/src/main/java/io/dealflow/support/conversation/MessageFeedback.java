package io.dealflow.support.conversation;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A rating of one of the assistant's answers; a new rating replaces the earlier one.
 *
 * @param rating 1-5
 * @param category e.g. {@code positive}, {@code negative}, {@code inaccurate}
 */
public record MessageFeedback(
    UUID messageId,
    UUID userId,
    int rating,
    @Nullable String feedback,
    @Nullable String category,
    Instant createdAt) {}
