package io.dealflow.insights.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An insight the rules raised about a workspace's pipeline: the insight as VectorOS shows it.
 *
 * @param id the insight
 * @param workspaceId its workspace
 * @param type the rule that raised it, e.g. {@code deal_stalled}
 * @param title a headline
 * @param description the numbers behind it
 * @param priority critical, high, medium or low
 * @param confidence 0-1
 * @param status new (it was just raised)
 * @param subjects the records it is about
 * @param createdAt when it was raised
 * @param updatedAt when it last changed: its creation, as it was just raised
 */
public record InsightRaised(
    UUID id,
    UUID workspaceId,
    String type,
    String title,
    String description,
    String priority,
    double confidence,
    String status,
    List<Subject> subjects,
    Instant createdAt,
    Instant updatedAt) {

  public InsightRaised {
    subjects = List.copyOf(subjects);
  }

  /**
   * A record an insight is about.
   *
   * @param type e.g. {@code deal}
   * @param id its id
   */
  public record Subject(String type, UUID id) {}
}
