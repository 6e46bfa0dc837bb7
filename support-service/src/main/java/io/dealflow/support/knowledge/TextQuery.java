package io.dealflow.support.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PostgreSQL {@code tsquery} texts that ask for passages holding at least {@code k} of a question's
 * stemmed words, and the order in which full-text search relaxes {@code k}.
 *
 * <p>Full-text candidates are found in steps: first the passages holding all of the question's
 * words, then all but one, and so on down to any one of them, until enough are found. A passage
 * that holds more of the question's words is a better lexical match than one that merely repeats
 * one of them, and each step is answered by the full-text index alone, so a question made of common
 * words no longer makes PostgreSQL rank most of the organization's passages. A step of more than
 * {@value #BUDGET} word occurrences (C(n, k) × k) is skipped, except the first (all words) and the
 * last (any word), which are always asked.
 *
 * <p>Only the question's rare words are relaxed. A word found in a large share of the passages
 * ({@link LexemeFrequencies}) narrows nothing, and asking for "k of n" words makes the index walk
 * every word's postings: at 50,000 passages a question of everyday words spent a hundred
 * milliseconds there. So after the all-words step, the steps ask for k of the rare words only, down
 * to any one of them. When every word is common, all of them is the only step: "any one of them"
 * would make the index gather most of the table, and such a question's passages are found by their
 * embeddings.
 */
final class TextQuery {

  /** The most word occurrences one intermediate step's query may hold. */
  static final int BUDGET = 200;

  private TextQuery() {}

  /**
   * The tsquery texts to ask, in order: all of {@code lexemes}, then at least k of the rare ones
   * (those not in {@code common}) for each k of their {@link #ladder}; when none is rare, nothing
   * more.
   */
  static List<String> steps(List<String> lexemes, Set<String> common) {
    if (lexemes.isEmpty()) {
      return List.of();
    }
    List<String> steps = new ArrayList<>();
    steps.add(atLeast(lexemes, lexemes.size()));
    List<String> rare = lexemes.stream().filter(lexeme -> !common.contains(lexeme)).toList();
    if (rare.isEmpty()) {
      return steps;
    }
    for (int k : ladder(rare.size())) {
      if (rare.size() < lexemes.size() || k < lexemes.size()) {
        steps.add(atLeast(rare, k));
      }
    }
    return steps;
  }

  /** The values of {@code k} to ask for, from all {@code n} words down to one. */
  static List<Integer> ladder(int n) {
    List<Integer> steps = new ArrayList<>();
    for (int k = n; k >= 1; k--) {
      if (k == n || k == 1 || combinations(n, k) * k <= BUDGET) {
        steps.add(k);
      }
    }
    return steps;
  }

  /**
   * A query matching the passages that hold at least {@code k} of {@code lexemes}: the disjunction
   * of every conjunction of {@code k} of them. The lexemes are quoted as they are (already
   * stemmed), so the text is read with a plain {@code ::tsquery} cast, not parsed again by a
   * configuration.
   */
  static String atLeast(List<String> lexemes, int k) {
    if (k < 1 || k > lexemes.size()) {
      throw new IllegalArgumentException(k + " of " + lexemes.size() + " words");
    }
    List<String> quoted = lexemes.stream().map(TextQuery::quote).toList();
    List<String> conjunctions = new ArrayList<>();
    choose(quoted, k, 0, new ArrayList<>(), conjunctions);
    return conjunctions.size() == 1
        ? conjunctions.getFirst()
        : conjunctions.stream()
            .map(conjunction -> k == 1 ? conjunction : "(" + conjunction + ")")
            .collect(Collectors.joining(" | "));
  }

  private static void choose(
      List<String> words, int k, int from, List<String> chosen, List<String> out) {
    if (chosen.size() == k) {
      out.add(String.join(" & ", chosen));
      return;
    }
    for (int i = from; i <= words.size() - (k - chosen.size()); i++) {
      chosen.add(words.get(i));
      choose(words, k, i + 1, chosen, out);
      chosen.removeLast();
    }
  }

  static long combinations(int n, int k) {
    long result = 1;
    for (int i = 1; i <= k; i++) {
      result = result * (n - k + i) / i;
      if (result > Integer.MAX_VALUE) {
        return Integer.MAX_VALUE;
      }
    }
    return result;
  }

  /** A lexeme as a tsquery operand: in single quotes, quotes and backslashes doubled. */
  static String quote(String lexeme) {
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
  }
}
