package io.dealflow.training.objection;

import io.dealflow.crm.events.ConversationCompleted;
import io.dealflow.crm.events.CrmEvents;
import io.dealflow.crm.events.TranscriptAdded;
import io.dealflow.platform.event.EventType;
import io.dealflow.platform.test.TestEvents;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * crm-service's calls as its outbox relay publishes them: crm's own payload records in snake_case,
 * in a CloudEvents 1.0 JSON envelope (structured mode, {@code content-type} header) of the
 * organization, keyed by the conversation, each checked against the AsyncAPI document before it is
 * sent.
 */
final class CrmCalls {

  private final UUID orgId;
  private final UUID conversationId = UUID.randomUUID();
  private double at;

  private CrmCalls(UUID orgId) {
    this.orgId = orgId;
  }

  /** A new conversation of the organization. */
  static CrmCalls conversation(UUID orgId) {
    return new CrmCalls(orgId);
  }

  UUID id() {
    return conversationId;
  }

  /** The {@code transcript.added} envelope of the next line (not yet published). */
  ObjectNode line(String speaker, String content) {
    at += 4;
    return envelope(
        CrmEvents.TRANSCRIPT_ADDED,
        new TranscriptAdded(
            UUID.randomUUID(), conversationId, content, speaker, "neutral", at, List.of()));
  }

  /** The {@code conversation.completed} envelope (not yet published). */
  ObjectNode completed(int seconds) {
    return envelope(
        CrmEvents.CONVERSATION_COMPLETED,
        new ConversationCompleted(conversationId, null, 4.5, seconds, "neutral"));
  }

  /** Publishes lines in order, on one conversation's partition. */
  void say(String speaker, String... contents) {
    for (String content : contents) {
      TestEvents.publish(line(speaker, content));
    }
  }

  private <T> ObjectNode envelope(EventType<T> type, T data) {
    return TestEvents.envelope(
        type, "/dealflow/crm-service", orgId, conversationId, Instant.now(), data);
  }
}
