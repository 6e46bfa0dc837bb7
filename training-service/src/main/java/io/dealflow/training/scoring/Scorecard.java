package io.dealflow.training.scoring;

import java.util.List;
import java.util.Map;

/**
 * A scored call: the metrics, each metric's evidence (keyed by the metric's wire name), and the
 * feedback per skill.
 */
public record Scorecard(
    PerformanceMetrics metrics, Map<String, Evidence> evidence, List<CoachingFeedback> feedback) {

  public Scorecard {
    evidence = Map.copyOf(evidence);
    feedback = List.copyOf(feedback);
  }
}
