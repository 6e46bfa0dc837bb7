package io.dealflow.platform.test;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The word error rate of a transcript against what was really said: (substitutions + deletions +
 * insertions) / words said, after lower-casing, dropping punctuation and spelling out the
 * unambiguous contractions (Vosk writes "i'm" where a script says "I am"). 0 is perfect; it can
 * exceed 1 when many words were inserted.
 */
public final class WordErrorRate {

  private WordErrorRate() {}

  public static double of(String reference, String hypothesis) {
    List<String> said = words(reference);
    List<String> heard = words(hypothesis);
    if (said.isEmpty()) {
      return heard.isEmpty() ? 0 : 1;
    }
    return (double) distance(said, heard) / said.size();
  }

  /** The words of a text as compared: lower case, no punctuation, contractions spelled out. */
  public static List<String> words(String text) {
    String plain =
        text.toLowerCase(Locale.ROOT)
            .replace('\u2019', '\'')
            .replaceAll("\\bi'm\\b", "i am")
            .replaceAll("'re\\b", " are")
            .replaceAll("\\bcan't\\b", "can not")
            .replaceAll("\\bwon't\\b", "will not")
            .replaceAll("n't\\b", " not")
            .replaceAll("'ll\\b", " will")
            .replaceAll("'ve\\b", " have")
            .replaceAll("[^\\p{L}\\p{N}' ]+", " ")
            .strip();
    return plain.isEmpty() ? List.of() : Arrays.asList(plain.split("\\s+"));
  }

  /** Levenshtein distance over words, one row at a time. */
  private static int distance(List<String> said, List<String> heard) {
    int[] previous = new int[heard.size() + 1];
    int[] current = new int[heard.size() + 1];
    for (int j = 0; j <= heard.size(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= said.size(); i++) {
      current[0] = i;
      for (int j = 1; j <= heard.size(); j++) {
        int substitution = previous[j - 1] + (said.get(i - 1).equals(heard.get(j - 1)) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[heard.size()];
  }
}
