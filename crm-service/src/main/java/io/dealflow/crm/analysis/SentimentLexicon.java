package io.dealflow.crm.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sentiment of a line of sales conversation, from a small lexicon of English words with weights
 * (after the method of VADER, Hutto &amp; Gilbert 2014, much reduced):
 *
 * <ol>
 *   <li>each lexicon word adds its weight: strong words ±2 ({@code excellent}, {@code terrible}),
 *       others ±1 ({@code helpful}, {@code expensive});
 *   <li>an intensifier right before a word ({@code very}, {@code really}) multiplies it by 1.5;
 *   <li>a negation up to three words before it ({@code not}, {@code don't}, {@code never}) flips it
 *       and weakens it ({@code × -0.75}): "not interested" is mildly negative;
 *   <li>the sum {@code s} is normalized to {@code s / sqrt(s² + 15)} in [-1, 1];
 *   <li>at 0.05 or more the line is positive, at -0.05 or less negative, else neutral.
 * </ol>
 *
 * It knows only English and misses irony; it is an honest, explainable baseline that needs no
 * network, and a line it cannot judge is neutral.
 */
public final class SentimentLexicon {

  static final double THRESHOLD = 0.05;
  private static final double NORMALIZATION = 15;
  private static final double INTENSIFIER = 1.5;
  private static final double NEGATION = -0.75;
  private static final int NEGATION_REACH = 3;

  private static final Map<String, Double> WEIGHTS =
      Stream.of(
              weights(
                  2,
                  "excellent amazing fantastic perfect love loved loving great awesome wonderful"
                      + " outstanding delighted thrilled brilliant superb"),
              weights(
                  1,
                  "good nice happy glad interested interesting helpful useful pleased thanks thank"
                      + " appreciate appreciated like liked yes sure definitely agree works valuable"
                      + " impressive impressed easy clear excited exciting fair reasonable"
                      + " affordable benefit benefits improve improved recommend satisfied success"
                      + " successful solve solves helps ready keen convenient efficient fast smooth"
                      + " reliable welcome"),
              weights(
                  -1,
                  "expensive problem problems issue issues concern concerns concerned difficult"
                      + " hard slow confusing confused unsure doubt doubts worried worry"
                      + " disappointed disappointing unhappy complicated costly risk risky bug bugs"
                      + " broken fail failed fails failing lacking missing annoying annoyed"
                      + " frustrated frustrating cancel complaint wrong waste unfortunately"
                      + " overpriced unclear unreliable delay delayed"),
              weights(
                  -2,
                  "terrible awful horrible hate hated useless worst angry unacceptable furious"
                      + " scam ridiculous disaster"))
          .flatMap(m -> m.entrySet().stream())
          .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

  private static final Set<String> INTENSIFIERS =
      Set.of(
          "very",
          "really",
          "extremely",
          "so",
          "incredibly",
          "super",
          "highly",
          "absolutely",
          "totally",
          "truly");

  private static final Set<String> NEGATIONS =
      Set.of(
          "not",
          "no",
          "never",
          "don't",
          "doesn't",
          "didn't",
          "isn't",
          "wasn't",
          "aren't",
          "weren't",
          "won't",
          "can't",
          "cannot",
          "couldn't",
          "shouldn't",
          "wouldn't",
          "hardly",
          "neither",
          "nor",
          "without",
          "nothing");

  private SentimentLexicon() {}

  /**
   * The judgement of one line.
   *
   * @param sentiment the label
   * @param compound the normalized sum, -1 to 1
   * @param positive the words that counted for it
   * @param negative the words that counted against it
   */
  public record Judgement(
      Sentiment sentiment, double compound, List<String> positive, List<String> negative) {

    public Judgement {
      positive = List.copyOf(positive);
      negative = List.copyOf(negative);
    }
  }

  public static Judgement judge(String text) {
    List<String> words = Words.of(text);
    double sum = 0;
    List<String> positive = new ArrayList<>();
    List<String> negative = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      Double weight = WEIGHTS.get(words.get(i));
      if (weight == null) {
        continue;
      }
      double value = weight;
      if (i > 0 && INTENSIFIERS.contains(words.get(i - 1))) {
        value *= INTENSIFIER;
      }
      if (negated(words, i)) {
        value *= NEGATION;
      }
      sum += value;
      (value > 0 ? positive : negative).add(words.get(i));
    }
    double compound = sum == 0 ? 0 : sum / Math.sqrt(sum * sum + NORMALIZATION);
    Sentiment sentiment =
        compound >= THRESHOLD
            ? Sentiment.POSITIVE
            : compound <= -THRESHOLD ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
    return new Judgement(sentiment, compound, positive, negative);
  }

  private static boolean negated(List<String> words, int index) {
    for (int i = Math.max(0, index - NEGATION_REACH); i < index; i++) {
      if (NEGATIONS.contains(words.get(i))) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Double> weights(double weight, String words) {
    return Stream.of(words.split("\\s+"))
        .collect(Collectors.toMap(w -> w, w -> weight, (a, b) -> a));
  }
}
