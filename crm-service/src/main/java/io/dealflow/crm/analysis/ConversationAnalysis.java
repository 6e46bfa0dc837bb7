package io.dealflow.crm.analysis;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The score (0–10) and sentiment of a conversation, from its transcript lines. Three parts, each
 * from the lines alone:
 *
 * <ul>
 *   <li><b>sentiment</b>, up to 5 points: the balance {@code (positive − negative) / lines} of the
 *       prospect's lines (every line when the prospect said nothing), mapped from [-1, 1] to [0,
 *       5]. The conversation is positive at a balance of 0.2 or more, negative at -0.2 or less.
 *   <li><b>participation</b>, up to 2.5 points: a dialogue in which the prospect speaks half the
 *       lines scores best; a monologue by either side scores 0.
 *   <li><b>buying signals</b>, up to 2.5 points: 0.5 for each distinct buying-signal word the
 *       prospect used ({@code price}, {@code demo}, {@code contract}, {@code timeline}, ...).
 * </ul>
 *
 * The seller's side is the speaker {@code assistant}, {@code agent}, {@code ai}, {@code bot} or
 * {@code rep}; every other speaker is the prospect. A conversation without lines scores 0 and is
 * neutral: nothing was said to judge.
 */
public final class ConversationAnalysis {

  static final double SENTIMENT_POINTS = 5;
  static final double PARTICIPATION_POINTS = 2.5;
  static final double SIGNAL_POINTS = 0.5;
  static final double MAX_SIGNAL_POINTS = 2.5;
  static final double SENTIMENT_BALANCE = 0.2;

  private static final Set<String> SELLER_SIDE = Set.of("assistant", "agent", "ai", "bot", "rep");

  private static final Set<String> BUYING_SIGNALS =
      Set.of(
          "price",
          "pricing",
          "prices",
          "cost",
          "costs",
          "budget",
          "demo",
          "trial",
          "pilot",
          "contract",
          "proposal",
          "quote",
          "timeline",
          "implementation",
          "onboarding",
          "integrate",
          "integration",
          "schedule",
          "meeting",
          "purchase",
          "buy",
          "sign",
          "license",
          "licenses",
          "seats",
          "discount",
          "roi",
          "invoice",
          "rollout");

  private ConversationAnalysis() {}

  /**
   * One transcript line.
   *
   * @param speaker who said it
   * @param content what was said
   * @param sentiment its sentiment (given by the client or computed)
   */
  public record Line(String speaker, String content, Sentiment sentiment) {}

  /**
   * The assessment.
   *
   * @param score 0–10, one decimal
   * @param sentiment the conversation's sentiment
   * @param sentimentPoints the sentiment part of the score
   * @param participationPoints the participation part
   * @param signalPoints the buying-signals part
   * @param buyingSignals the buying-signal words the prospect used
   */
  public record Assessment(
      double score,
      Sentiment sentiment,
      double sentimentPoints,
      double participationPoints,
      double signalPoints,
      List<String> buyingSignals) {

    public Assessment {
      buyingSignals = List.copyOf(buyingSignals);
    }
  }

  public static boolean isSellerSide(String speaker) {
    return SELLER_SIDE.contains(speaker.strip().toLowerCase(Locale.ROOT));
  }

  public static Assessment assess(List<Line> lines) {
    if (lines.isEmpty()) {
      return new Assessment(0, Sentiment.NEUTRAL, 0, 0, 0, List.of());
    }
    List<Line> prospect = lines.stream().filter(l -> !isSellerSide(l.speaker())).toList();
    List<Line> judged = prospect.isEmpty() ? lines : prospect;
    long positive = judged.stream().filter(l -> l.sentiment() == Sentiment.POSITIVE).count();
    long negative = judged.stream().filter(l -> l.sentiment() == Sentiment.NEGATIVE).count();
    double balance = (double) (positive - negative) / judged.size();
    Sentiment sentiment =
        balance >= SENTIMENT_BALANCE
            ? Sentiment.POSITIVE
            : balance <= -SENTIMENT_BALANCE ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
    double sentimentPoints = SENTIMENT_POINTS * (balance + 1) / 2;

    double share = (double) prospect.size() / lines.size();
    double participationPoints = PARTICIPATION_POINTS * (1 - Math.abs(share - 0.5) * 2);

    Set<String> signals = new LinkedHashSet<>();
    for (Line line : prospect) {
      for (String word : Words.of(line.content())) {
        if (BUYING_SIGNALS.contains(word)) {
          signals.add(word);
        }
      }
    }
    double signalPoints = Math.min(MAX_SIGNAL_POINTS, signals.size() * SIGNAL_POINTS);

    double score = round(sentimentPoints + participationPoints + signalPoints);
    return new Assessment(
        score,
        sentiment,
        round(sentimentPoints),
        round(participationPoints),
        signalPoints,
        List.copyOf(signals));
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
