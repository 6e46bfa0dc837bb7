package io.dealflow.training.learning;

import io.dealflow.training.scoring.CallScoring;
import io.dealflow.training.scoring.PerformanceMetrics;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The skills progress is tracked in, each read from one metric of a session, and the scenario
 * category that trains it.
 */
public enum Skill {
  RAPPORT_BUILDING("cold_calling"),
  DISCOVERY("discovery"),
  OBJECTION_HANDLING("objection_handling"),
  CLOSING("closing"),
  TALK_TIME("discovery");

  private final String trainedBy;

  Skill(String trainedBy) {
    this.trainedBy = trainedBy;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The scenario category recommended to train it. */
  public String trainedBy() {
    return trainedBy;
  }

  /** The skill's score in a session; null when the session gave nothing to score it on. */
  public @Nullable Integer score(PerformanceMetrics metrics) {
    return switch (this) {
      case RAPPORT_BUILDING -> metrics.rapportBuildingScore();
      case DISCOVERY -> CallScoring.discoveryScore(metrics.questionCount());
      case OBJECTION_HANDLING -> metrics.objectionHandlingScore();
      case CLOSING -> metrics.closingEffectiveness();
      case TALK_TIME ->
          metrics.talkTimeRatio() == null
              ? null
              : CallScoring.balanceScore(metrics.talkTimeRatio());
    };
  }

  /** beginner below 60, intermediate below 80, advanced from 80. */
  public static String level(int score) {
    return score < 60 ? "beginner" : score < 80 ? "intermediate" : "advanced";
  }
}
