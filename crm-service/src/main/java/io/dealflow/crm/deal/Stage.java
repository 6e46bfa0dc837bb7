package io.dealflow.crm.deal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The pipeline every workspace shares, in order. A deal starts open (lead to negotiation) and
 * closes as won or lost; a closed deal can be reopened by moving it to an open stage.
 */
public enum Stage {
  LEAD(10),
  QUALIFIED(25),
  PROPOSAL(50),
  NEGOTIATION(75),
  WON(100),
  LOST(0);

  /** The stage names as the API spells them, in pipeline order, for error messages and docs. */
  public static final String NAMES =
      Arrays.stream(values()).map(Stage::id).collect(Collectors.joining(", "));

  private final int defaultProbability;

  Stage(int defaultProbability) {
    this.defaultProbability = defaultProbability;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The win probability (percent) a deal gets on entering this stage unless one is given. */
  public int defaultProbability() {
    return defaultProbability;
  }

  public boolean isClosed() {
    return this == WON || this == LOST;
  }

  public static Optional<Stage> fromId(String id) {
    for (Stage stage : values()) {
      if (stage.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(stage);
      }
    }
    return Optional.empty();
  }
}
