package io.dealflow.support.answer;

import java.util.Locale;

/** How a customer's message sounds. */
public enum Sentiment {
  POSITIVE,
  NEUTRAL,
  NEGATIVE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
