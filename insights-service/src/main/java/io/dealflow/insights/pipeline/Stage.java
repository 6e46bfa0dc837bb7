package io.dealflow.insights.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The stages of a VectorOS pipeline as crm-service names them in its events, in pipeline order,
 * with the win probability crm gives a deal entering each: the weights of the weighted pipeline.
 */
public enum Stage {
  LEAD(10),
  QUALIFIED(25),
  PROPOSAL(50),
  NEGOTIATION(75),
  WON(100),
  LOST(0);

  /** The open stages, in order: where a deal can still be won. */
  public static final List<Stage> OPEN = List.of(LEAD, QUALIFIED, PROPOSAL, NEGOTIATION);

  /** The stages a deal passes on its way to being won, in order. */
  public static final List<Stage> FUNNEL = List.of(LEAD, QUALIFIED, PROPOSAL, NEGOTIATION, WON);

  private final int probability;

  Stage(int probability) {
    this.probability = probability;
  }

  /** The name in crm's events and in this API: {@code lead}, {@code qualified}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The stage's win probability, 0-1. */
  public double probability() {
    return probability / 100.0;
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
