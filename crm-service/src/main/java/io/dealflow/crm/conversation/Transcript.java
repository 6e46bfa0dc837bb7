package io.dealflow.crm.conversation;

import io.dealflow.crm.analysis.Sentiment;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of a conversation.
 *
 * @param id its id
 * @param orgId its organization
 * @param conversationId its conversation
 * @param content what was said
 * @param speaker who said it
 * @param sentiment its sentiment (given, or computed)
 * @param confidence the transcription's confidence, 0–1
 * @param timestamp seconds from the conversation's start
 * @param metadata the client's facts, and {@code keywords} (given, or extracted)
 * @param createdAt when it was recorded
 */
record Transcript(
    UUID id,
    UUID orgId,
    UUID conversationId,
    String content,
    String speaker,
    Sentiment sentiment,
    @Nullable Double confidence,
    double timestamp,
    Map<String, Object> metadata,
    Instant createdAt) {

  Transcript {
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  List<String> keywords() {
    return metadata.get("keywords") instanceof List<?> list
        ? list.stream().map(String::valueOf).toList()
        : List.of();
  }
}
