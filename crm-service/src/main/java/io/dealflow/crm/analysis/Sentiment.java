package io.dealflow.crm.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The sentiment of a line or a conversation, as Spotlight names it. */
public enum Sentiment {
  POSITIVE,
  NEUTRAL,
  NEGATIVE;

  public static final List<String> WIRE_NAMES =
      Arrays.stream(values()).map(Sentiment::wire).toList();

  /** The wire name: {@code positive}, {@code neutral} or {@code negative}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Sentiment> fromWire(String value) {
    for (Sentiment sentiment : values()) {
      if (sentiment.wire().equals(value)) {
        return Optional.of(sentiment);
      }
    }
    return Optional.empty();
  }
}
