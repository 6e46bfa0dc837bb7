package io.dealflow.support.conversation;

import io.dealflow.support.answer.Citation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One message of a session, its text masked.
 *
 * @param senderId the user who wrote it; null for the assistant's and the system's
 * @param status {@code sent}, {@code delivered} or {@code read}
 * @param citations what a bot answer is made of (empty for other messages)
 * @param redactions where the text was masked: a customer message's own masks, and on a bot answer
 *     those of the question it answers
 * @param intent the classified intent of a customer message, or the one a bot message answered
 * @param confidence a bot answer's confidence from retrieval
 * @param sentiment how a customer message sounds
 * @param answered for a customer message, whether the assistant could answer it from the knowledge;
 *     for a bot message, whether it is such an answer
 * @param responseTimeMs for a bot message, how long the answer took
 */
public record Message(
    UUID id,
    UUID orgId,
    UUID sessionId,
    @Nullable UUID senderId,
    MessageType type,
    String content,
    String status,
    Map<String, Object> metadata,
    List<Citation> citations,
    List<MaskedSpan> redactions,
    @Nullable String intent,
    @Nullable Double confidence,
    @Nullable String sentiment,
    @Nullable Boolean answered,
    @Nullable Integer responseTimeMs,
    Instant createdAt) {

  public Message {
    metadata = Map.copyOf(metadata);
    citations = List.copyOf(citations);
    redactions = List.copyOf(redactions);
  }

  /** A message written by a person (customer or support team) or the system: no answer data. */
  public static Message written(
      UUID orgId,
      UUID sessionId,
      @Nullable UUID senderId,
      MessageType type,
      String content,
      Map<String, Object> metadata,
      List<MaskedSpan> redactions,
      Instant now) {
    return new Message(
        UUID.randomUUID(),
        orgId,
        sessionId,
        senderId,
        type,
        content,
        "sent",
        metadata,
        List.of(),
        redactions,
        null,
        null,
        null,
        null,
        null,
        now);
  }
}
