package io.dealflow.training.learning;

import io.dealflow.training.learning.DetailedAnalytics.DailyScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The sentences of {@code personalized_insights}, each written from the figures it names. */
final class Insights {

  private Insights() {}

  static List<String> write(
      int sessions,
      List<DailyScore> scores,
      Map<String, List<Integer>> progression,
      @Nullable Double talkTime,
      @Nullable Double questionFrequency,
      @Nullable Double responseTime,
      Map<String, Double> sentiment) {
    List<String> insights = new ArrayList<>();
    if (sessions == 0) {
      insights.add(
          "No completed sessions in this period yet: complete a session to see your trends.");
      return insights;
    }
    if (scores.size() >= 2) {
      int change = scores.getLast().score() - scores.getFirst().score();
      insights.add(
          change >= 0
              ? "Your overall score rose %d points, from %d to %d, over this period."
                  .formatted(change, scores.getFirst().score(), scores.getLast().score())
              : "Your overall score fell %d points, from %d to %d: revisit the feedback of your"
                      .formatted(-change, scores.getFirst().score(), scores.getLast().score())
                  + " latest sessions.");
    }
    progression.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .min(Comparator.comparingDouble(e -> average(e.getValue())))
        .ifPresent(
            weakest ->
                insights.add(
                    "Your weakest skill is %s (average %d): practise a %s scenario next."
                        .formatted(
                            weakest.getKey().replace('_', ' '),
                            Math.round(average(weakest.getValue())),
                            weakest.getKey().equals("closing") ? "closing" : "matching")));
    progression.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .max(Comparator.comparingDouble(e -> average(e.getValue())))
        .ifPresent(
            strongest ->
                insights.add(
                    "Your strongest skill is %s (average %d)."
                        .formatted(
                            strongest.getKey().replace('_', ' '),
                            Math.round(average(strongest.getValue())))));
    if (talkTime != null) {
      insights.add(
          talkTime > 0.60
              ? "You talk %d%% of the time on average: aim for 35-60%% and ask more."
                  .formatted(Math.round(talkTime * 100))
              : talkTime < 0.35
                  ? "You talk %d%% of the time on average: lead more, propose next steps."
                      .formatted(Math.round(talkTime * 100))
                  : "Your talk time averages %d%%, a good balance."
                      .formatted(Math.round(talkTime * 100)));
    }
    if (questionFrequency != null && questionFrequency < 0.5) {
      insights.add(
          "You ask %.2f questions per turn: ask more discovery questions before presenting."
              .formatted(questionFrequency));
    }
    if (responseTime != null && responseTime > 3) {
      insights.add(
          "You take %.1f s on average to answer the prospect: prepare answers to the common"
                  .formatted(responseTime)
              + " objections.");
    }
    Double negative = sentiment.get("negative");
    if (negative != null && negative > 0.3) {
      insights.add(
          "%d%% of the lines of your calls sounded negative (hesitant, skeptical or frustrated)."
              .formatted(Math.round(negative * 100)));
    }
    return insights;
  }

  private static double average(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).average().orElse(0);
  }
}
