package io.dealflow.insights.rules;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check that a model's text states only numbers its sources hold: a model may phrase the chat's
 * answers and the insights' descriptions, never bring a figure of its own.
 */
public final class Grounding {

  private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?");

  private Grounding() {}

  /** The numbers {@code text} states that none of {@code sources} does (1,250.50 = 1250.5). */
  public static Set<String> numbersNotIn(String text, List<String> sources) {
    Set<String> known = new HashSet<>();
    sources.forEach(source -> known.addAll(numbers(source)));
    Set<String> unknown = new TreeSet<>(numbers(text));
    unknown.removeAll(known);
    return unknown;
  }

  private static Set<String> numbers(String text) {
    Set<String> numbers = new HashSet<>();
    Matcher matcher = NUMBER.matcher(text);
    while (matcher.find()) {
      String digits = matcher.group().replace(",", "");
      numbers.add(new BigDecimal(digits).stripTrailingZeros().toPlainString());
    }
    return numbers;
  }
}
