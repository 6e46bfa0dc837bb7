package io.dealflow.support.conversation.web;

import io.dealflow.support.answer.Citation;
import io.dealflow.support.conversation.MaskedSpan;
import io.dealflow.support.conversation.Message;
import io.dealflow.support.conversation.SupportSession;
import io.dealflow.support.redaction.Redacted;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Sessions and messages on the wire, in the HeliosCS shapes (snake_case). */
public final class ConversationResponses {

  private ConversationResponses() {}

  /**
   * The seed's Session; {@code session_id} and {@code id} are the same. {@code messages} only on
   * {@code GET /sessions/{id}}.
   */
  @Schema(name = "Session")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record SessionBody(
      UUID sessionId,
      UUID id,
      String customerId,
      String status,
      String channel,
      Instant createdAt,
      @Nullable Instant endedAt,
      @Nullable Instant escalatedAt,
      @Nullable String escalationReason,
      @Nullable UUID ticketId,
      @Nullable UUID agentId,
      Map<String, Object> metadata,
      @Nullable List<MessageBody> messages) {

    static SessionBody of(SupportSession session, @Nullable List<Message> messages) {
      return new SessionBody(
          session.id(),
          session.id(),
          session.customerId(),
          session.status().id(),
          session.channel(),
          session.createdAt(),
          session.endedAt(),
          session.escalatedAt(),
          session.escalationReason(),
          session.ticketId(),
          session.agentId(),
          session.metadata(),
          messages == null ? null : messages.stream().map(MessageBody::of).toList());
    }
  }

  /**
   * The seed's Message; {@code message_id} and {@code id} are the same. Stored redactions carry the
   * mask and position, never the clear value.
   */
  @Schema(name = "Message")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record MessageBody(
      UUID id,
      UUID messageId,
      UUID sessionId,
      String content,
      String messageType,
      Instant timestamp,
      String status,
      @Nullable UUID senderId,
      Map<String, Object> metadata,
      List<Citation> citations,
      List<StoredRedaction> redactions,
      @Nullable String intent,
      @Nullable Double confidence) {

    public static MessageBody of(Message message) {
      return new MessageBody(
          message.id(),
          message.id(),
          message.sessionId(),
          message.content(),
          message.type().id(),
          message.createdAt(),
          message.status(),
          message.senderId(),
          message.metadata(),
          message.citations(),
          message.redactions().stream().map(StoredRedaction::of).toList(),
          message.intent(),
          message.confidence());
    }
  }

  /** A mask as stored: type, mask and {@code [start, end]} position. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record StoredRedaction(String type, String masked, List<Integer> position) {

    static StoredRedaction of(MaskedSpan span) {
      return new StoredRedaction(span.type(), span.masked(), List.of(span.start(), span.end()));
    }
  }

  /**
   * The seed's Redaction, with the clear value: only in the response to the request that sent it.
   */
  @Schema(name = "Redaction")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record RedactionBody(String type, String original, String masked, List<Integer> position) {

    public static List<RedactionBody> of(Redacted redacted) {
      return redacted.redactions().stream()
          .map(
              r ->
                  new RedactionBody(
                      r.type().wireName(), r.original(), r.masked(), List.of(r.start(), r.end())))
          .toList();
    }
  }

  /** The response to {@code POST /messages/send}: the seed's fields, and the masks applied. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record SentBody(
      UUID messageId,
      UUID id,
      UUID sessionId,
      String content,
      String messageType,
      Instant timestamp,
      String status,
      Map<String, Object> metadata,
      List<RedactionBody> redactions) {

    static SentBody of(Message message, Redacted redacted) {
      return new SentBody(
          message.id(),
          message.id(),
          message.sessionId(),
          message.content(),
          message.type().id(),
          message.createdAt(),
          message.status(),
          message.metadata(),
          RedactionBody.of(redacted));
    }
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record FeedbackBody(
      UUID messageId,
      int rating,
      @Nullable String feedback,
      @Nullable String category,
      Instant createdAt) {}
}
