package io.dealflow.support.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message was added to a support chat session: the customer's, the assistant's answer, an agent's
 * or a system notice. The content is the stored one, with personal data already masked;
 * realtime-service shows it on the session's {@code /ws/chat/{session_id}} sockets.
 *
 * @param messageId the message
 * @param sessionId the chat session it belongs to
 * @param customerId the session's customer, as the client named it
 * @param messageType {@code user}, {@code bot}, {@code agent} or {@code system}
 * @param content the text, personal data masked
 * @param status {@code sent}, {@code delivered} or {@code read}
 * @param senderId the user who sent it; null for the assistant's and system messages
 * @param citations the knowledge passages a {@code bot} answer is made of (empty otherwise)
 * @param timestamp when it was stored
 */
public record SupportMessageCreated(
    UUID messageId,
    UUID sessionId,
    String customerId,
    String messageType,
    String content,
    String status,
    @Nullable UUID senderId,
    List<Citation> citations,
    Instant timestamp) {

  public SupportMessageCreated {
    citations = List.copyOf(citations);
  }

  /**
   * One knowledge passage an answer cites.
   *
   * @param source the knowledge source's id
   * @param title its name
   * @param url where the source can be read, if it has an address
   * @param excerpt the passage used
   * @param confidence how well it matched the question, 0-1
   */
  public record Citation(
      String source, String title, @Nullable String url, String excerpt, double confidence) {}
}
