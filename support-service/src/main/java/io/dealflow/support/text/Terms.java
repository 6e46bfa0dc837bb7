package io.dealflow.support.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a text that carry its meaning: lower-cased, English stop words dropped, and reduced
 * by a light stemmer (plural and common suffixes: {@code hours} → {@code hour}, {@code refunded} →
 * {@code refund}), so that a question and a passage that say the same thing share terms.
 */
public final class Terms {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

  private static final Set<String> STOP_WORDS =
      Set.of(
          "a", "about", "after", "again", "all", "am", "an", "and", "any", "are", "as", "at", "be",
          "because", "been", "before", "being", "both", "but", "by", "can", "could", "did", "do",
          "does", "doing", "during", "each", "few", "for", "from", "further", "get", "got", "had",
          "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if",
          "in", "into", "is", "it", "its", "just", "know", "let", "like", "me", "might", "more",
          "most", "must", "my", "need", "no", "nor", "not", "now", "of", "off", "on", "once",
          "only", "or", "other", "our", "ours", "out", "over", "own", "please", "same", "she",
          "should", "so", "some", "such", "tell", "than", "that", "the", "their", "them", "then",
          "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
          "us", "very", "want", "was", "we", "were", "what", "when", "where", "which", "while",
          "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "i'm", "it's",
          "don't", "can't", "i'd", "you're", "there's", "what's", "hi", "hello", "hey", "thanks",
          "thank");

  private Terms() {}

  /** A meaningful word as written (lower-cased) and its stem. */
  public record Term(String word, String stem) {}

  /** The text's meaningful terms, stemmed, in order of first appearance, each once. */
  public static List<String> of(String text) {
    Set<String> terms = new LinkedHashSet<>();
    words(text).forEach(term -> terms.add(term.stem()));
    return List.copyOf(terms);
  }

  /** The text's meaningful words in order, with their stems (repeats kept). */
  public static List<Term> words(String text) {
    List<Term> terms = new ArrayList<>();
    Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (words.find()) {
      String word = words.group().replace('’', '\'');
      if (!STOP_WORDS.contains(word) && (word.length() > 1 || Character.isDigit(word.charAt(0)))) {
        terms.add(new Term(word, stem(word)));
      }
    }
    return terms;
  }

  /**
   * The share of {@code wanted} that {@code text} contains, 0-1 (0 when nothing is wanted). Two
   * stems of four letters or more match when one begins the other ({@code trad}, from "trading",
   * matches {@code trade}).
   */
  public static double coverage(List<String> wanted, String text) {
    if (wanted.isEmpty()) {
      return 0;
    }
    List<String> present = of(text);
    long found = wanted.stream().filter(term -> contains(present, term)).count();
    return (double) found / wanted.size();
  }

  /** Whether {@code stems} holds {@code stem}, by the prefix rule of {@link #coverage}. */
  public static boolean contains(List<String> stems, String stem) {
    for (String present : stems) {
      if (present.equals(stem) || related(present, stem)) {
        return true;
      }
    }
    return false;
  }

  private static boolean related(String a, String b) {
    String shorter = a.length() <= b.length() ? a : b;
    String longer = shorter == a ? b : a;
    return shorter.length() >= 4
        && longer.startsWith(shorter)
        && longer.length() - shorter.length() <= 3;
  }

  /** A light English stemmer: enough to match plurals and the common verb forms. */
  static String stem(String word) {
    if (word.endsWith("'s")) {
      word = word.substring(0, word.length() - 2);
    }
    if (word.length() <= 3 || !Character.isLetter(word.charAt(word.length() - 1))) {
      return word;
    }
    if (word.endsWith("ies") && word.length() > 4) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.endsWith("sses")) {
      return word.substring(0, word.length() - 2);
    }
    if (word.endsWith("ing") && word.length() > 5) {
      return undouble(word.substring(0, word.length() - 3));
    }
    if (word.endsWith("ed") && word.length() > 4) {
      return undouble(word.substring(0, word.length() - 2));
    }
    if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  private static String undouble(String stem) {
    int n = stem.length();
    if (n > 2
        && stem.charAt(n - 1) == stem.charAt(n - 2)
        && "lsz".indexOf(stem.charAt(n - 1)) < 0) {
      return stem.substring(0, n - 1);
    }
    return stem;
  }
}
