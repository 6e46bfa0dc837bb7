package io.dealflow.playbook.coach;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a text that carry meaning, reduced to a common form ("objections" and "objection"
 * match), for matching a question with passages. Deterministic and language-naive on purpose: the
 * offline coach must give the same answer to the same question.
 */
final class Terms {

  private static final Set<String> STOPWORDS =
      Set.of(
          "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
          "been", "before", "but", "by", "can", "could", "did", "do", "does", "doing", "for",
          "from", "get", "give", "got", "had", "has", "have", "he", "her", "him", "his", "how", "i",
          "if", "in", "into", "is", "it", "its", "just", "let", "like", "me", "more", "most", "my",
          "no", "not", "of", "on", "one", "or", "our", "out", "she", "should", "so", "some", "tell",
          "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
          "to", "up", "us", "was", "we", "were", "what", "when", "where", "which", "who", "why",
          "will", "with", "would", "you", "your");

  private Terms() {}

  /** The text's meaningful words, stemmed, in order of first appearance. */
  static Set<String> of(String text) {
    Set<String> terms = new LinkedHashSet<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (word.length() > 1 && !STOPWORDS.contains(word)) {
        terms.add(stem(word));
      }
    }
    return terms;
  }

  /** A light suffix stripper: enough to match plurals and common verb forms. */
  static String stem(String word) {
    if (word.length() > 5 && word.endsWith("ing")) {
      return word.substring(0, word.length() - 3);
    }
    if (word.length() > 4 && word.endsWith("ies")) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.length() > 4 && word.endsWith("ed")) {
      return word.substring(0, word.length() - 2);
    }
    if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }
}
