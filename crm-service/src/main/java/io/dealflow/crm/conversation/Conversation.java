package io.dealflow.crm.conversation;

import io.dealflow.crm.analysis.Sentiment;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A conversation of an organization.
 *
 * @param id its id
 * @param orgId its organization
 * @param leadId the lead it was with
 * @param assistantId the assistant that held it
 * @param source how it happened ({@code phone_call}, ...)
 * @param status in_progress, completed or failed
 * @param duration its length in seconds
 * @param score 0–10
 * @param scoreComputed whether the score came from the transcripts (and follows them)
 * @param sentiment its sentiment
 * @param sentimentComputed whether the sentiment came from the transcripts (and follows them)
 * @param metadata the client's facts about it
 * @param startedAt when it started
 * @param endedAt when it ended
 * @param createdAt when it was recorded
 * @param updatedAt when it last changed
 */
record Conversation(
    UUID id,
    UUID orgId,
    @Nullable UUID leadId,
    @Nullable UUID assistantId,
    @Nullable String source,
    ConversationStatus status,
    @Nullable Integer duration,
    @Nullable Double score,
    boolean scoreComputed,
    @Nullable Sentiment sentiment,
    boolean sentimentComputed,
    Map<String, Object> metadata,
    @Nullable Instant startedAt,
    @Nullable Instant endedAt,
    Instant createdAt,
    Instant updatedAt) {

  Conversation {
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }
}
