package io.dealflow.insights.insight;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * An insight the rules raised about a workspace's pipeline.
 *
 * @param id its id
 * @param orgId the workspace
 * @param type the rule that raised it
 * @param title a headline
 * @param description the numbers behind it
 * @param priority critical, high, medium or low
 * @param confidence 0-1
 * @param status new, viewed, actioned or dismissed
 * @param subjects the records it is about
 * @param createdAt when it was raised
 * @param updatedAt when its status last changed
 */
public record Insight(
    UUID id,
    UUID orgId,
    String type,
    String title,
    String description,
    String priority,
    double confidence,
    Status status,
    List<Subject> subjects,
    Instant createdAt,
    Instant updatedAt) {

  public Insight {
    subjects = List.copyOf(subjects);
  }

  /** A record an insight is about, e.g. {@code {"type": "deal", "id": "..."}}. */
  public record Subject(String type, UUID id) {}

  /** Where a person is with an insight. */
  public enum Status {
    NEW,
    VIEWED,
    ACTIONED,
    DISMISSED;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Status> fromId(String id) {
      for (Status status : values()) {
        if (status.id().equals(id)) {
          return Optional.of(status);
        }
      }
      return Optional.empty();
    }
  }
}
