package io.dealflow.crm.events;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A conversation reached status {@code completed}. The Spotlight webhook payload, plus the
 * sentiment.
 *
 * @param conversationId the conversation
 * @param leadId the lead it was with, if any
 * @param score its score, 0–10 (given by the client, or computed from the transcripts)
 * @param duration its length in seconds
 * @param sentiment positive, neutral or negative (given, or computed from the transcripts)
 */
public record ConversationCompleted(
    UUID conversationId, @Nullable UUID leadId, double score, int duration, String sentiment) {}
