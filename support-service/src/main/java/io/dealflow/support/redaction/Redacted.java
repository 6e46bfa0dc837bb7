package io.dealflow.support.redaction;

import java.util.List;

/**
 * A text with its personal data masked, and what was masked. {@code text} has the original's length
 * and differs from it only inside the {@code redactions}' spans, which are sorted by position and
 * never overlap.
 *
 * @param text the masked text
 * @param redactions what was masked, in the order it appears
 */
public record Redacted(String text, List<Redaction> redactions) {

  public Redacted {
    redactions = List.copyOf(redactions);
  }

  /** Whether nothing was masked, so {@code text} is the original text. */
  public boolean isClean() {
    return redactions.isEmpty();
  }
}
