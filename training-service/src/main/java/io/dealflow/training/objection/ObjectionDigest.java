package io.dealflow.training.objection;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What an organization's objections add up to: the themes with their counts, and the objections a
 * prospect should raise.
 *
 * <ul>
 *   <li>Two lines are the same objection when they have the same words, whatever the case and
 *       punctuation; the newest wording is the one shown.
 *   <li>Themes: the most frequent first (ties in declaration order), each with up to {@value
 *       #EXAMPLES} distinct lines, the most frequent first, then the newest.
 *   <li>Top objections, up to {@value #TOP}: first the most frequent line of each theme, most
 *       frequent theme first, so the prospect raises more than the commonest worry; then the other
 *       lines by frequency, then recency.
 * </ul>
 *
 * @param heard the objections kept
 * @param conversations the distinct calls they were raised in
 * @param firstHeardAt the oldest one's time
 * @param lastHeardAt the newest one's time
 * @param themes the themes heard, most frequent first
 * @param top the objections a prospect should raise, in order
 */
record ObjectionDigest(
    int heard,
    int conversations,
    Instant firstHeardAt,
    Instant lastHeardAt,
    List<ThemeCount> themes,
    List<String> top) {

  static final int EXAMPLES = 3;
  static final int TOP = 5;

  ObjectionDigest {
    themes = List.copyOf(themes);
    top = List.copyOf(top);
  }

  /**
   * @param newestFirst an organization's objections, newest first; at least one
   */
  static ObjectionDigest of(List<HeardObjection> newestFirst) {
    if (newestFirst.isEmpty()) {
      throw new IllegalArgumentException("Nothing to digest");
    }
    Map<String, Line> lines = new LinkedHashMap<>();
    Map<ObjectionTheme, Integer> counts = new LinkedHashMap<>();
    Set<UUID> conversations = new LinkedHashSet<>();
    int order = 0;
    for (HeardObjection objection : newestFirst) {
      Line seen = lines.get(key(objection.text()));
      lines.put(
          key(objection.text()),
          seen == null ? new Line(objection.text(), objection.theme(), 1, order++) : seen.again());
      counts.merge(objection.theme(), 1, Integer::sum);
      conversations.add(objection.conversationId());
    }
    Comparator<Line> frequentThenNewest =
        Comparator.comparingInt(Line::count).reversed().thenComparingInt(Line::order);
    List<Line> ranked = lines.values().stream().sorted(frequentThenNewest).toList();
    List<ThemeCount> themes =
        counts.entrySet().stream()
            .sorted(
                Comparator.<Map.Entry<ObjectionTheme, Integer>>comparingInt(Map.Entry::getValue)
                    .reversed()
                    .thenComparing(Map.Entry::getKey))
            .map(
                entry ->
                    new ThemeCount(
                        entry.getKey(),
                        entry.getValue(),
                        ranked.stream()
                            .filter(line -> line.theme() == entry.getKey())
                            .limit(EXAMPLES)
                            .map(Line::text)
                            .toList()))
            .toList();
    Set<String> top = new LinkedHashSet<>();
    themes.forEach(theme -> top.add(theme.examples().getFirst()));
    ranked.forEach(line -> top.add(line.text()));
    return new ObjectionDigest(
        newestFirst.size(),
        conversations.size(),
        newestFirst.getLast().heardAt(),
        newestFirst.getFirst().heardAt(),
        themes,
        top.stream().limit(TOP).toList());
  }

  private static String key(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /** A distinct line: its newest wording, how often it was heard, and how new it is (0 newest). */
  private record Line(String text, ObjectionTheme theme, int count, int order) {

    Line again() {
      return new Line(text, theme, count + 1, order);
    }
  }
}
