package io.dealflow.support.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Conversations of a period: per day, and by channel and by status.
 *
 * @param totalMessages every message, by type ({@code user}, {@code bot}, {@code agent}, {@code
 *     system})
 * @param averageMessagesPerConversation messages per session
 * @param unanswered customer questions the knowledge could not answer
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConversationStats(
    long totalConversations,
    Map<String, Long> byChannel,
    Map<String, Long> byStatus,
    Map<String, Long> totalMessages,
    double averageMessagesPerConversation,
    long unanswered,
    List<Day> daily) {

  /** One day: sessions opened, of which escalated, and messages written. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Day(LocalDate date, long conversations, long escalated, long messages) {}
}
