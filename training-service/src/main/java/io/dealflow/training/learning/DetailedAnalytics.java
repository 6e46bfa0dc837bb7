package io.dealflow.training.learning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The seed's detailed analytics: trends, conversation analysis and insights written from them. */
public record DetailedAnalytics(
    LocalDate startDate,
    LocalDate endDate,
    int sessions,
    List<DailyScore> scoresOverTime,
    Map<String, List<Integer>> skillProgression,
    @Nullable Double averageTalkTime,
    @Nullable Double questionFrequency,
    @Nullable Double responseTime,
    Map<String, Double> sentimentDistribution,
    List<String> personalizedInsights) {

  public record DailyScore(LocalDate date, int score) {}
}
