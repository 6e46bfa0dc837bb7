package io.dealflow.insights.rules;

/**
 * What a rule found: an insight or a recommendation.
 *
 * @param type the rule's name, e.g. {@code conversion_below_benchmark}
 * @param title a headline
 * @param description the numbers behind it, in a sentence or two
 * @param priority {@code critical}, {@code high}, {@code medium} or {@code low}
 * @param confidence how far the figures support it, 0-1 (more decided deals, more confidence)
 */
public record Finding(
    String type, String title, String description, Priority priority, double confidence) {

  /** How urgent a finding is. */
  public enum Priority {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
