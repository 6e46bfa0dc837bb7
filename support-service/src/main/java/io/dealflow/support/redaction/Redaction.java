package io.dealflow.support.redaction;

/**
 * One piece of personal data found in a text and how it was masked. {@code [start, end)} are {@link
 * String} indices (UTF-16 units) into the original text; since a mask has the length of what it
 * replaces, they are the mask's indices in the masked text too.
 *
 * @param type what was found
 * @param original the text as it was, {@code original.length() == end - start}
 * @param masked what replaced it, of the same length as {@code original}
 * @param start index of the first character, inclusive
 * @param end index after the last character, exclusive
 */
public record Redaction(RedactionType type, String original, String masked, int start, int end) {

  public Redaction {
    if (start < 0 || end - start != original.length() || masked.length() != original.length()) {
      throw new IllegalArgumentException(
          "A redaction's original, mask and span must have the same length: [%d, %d), %d and %d"
              .formatted(start, end, original.length(), masked.length()));
    }
  }
}
