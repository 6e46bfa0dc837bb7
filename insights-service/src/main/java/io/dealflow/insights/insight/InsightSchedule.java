package io.dealflow.insights.insight;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the insight engine runs: for the workspaces whose read model changed, every {@code
 * dealflow.insights.evaluate-interval} (5 s); for every workspace, every {@code
 * dealflow.insights.sweep-interval} (1 h), since deals stall with time alone. Two instances may
 * evaluate the same workspace at once: a cause still raises one insight.
 */
@Component
class InsightSchedule {

  static final int BATCH = 100;

  private static final Logger log = LoggerFactory.getLogger(InsightSchedule.class);

  private final InsightEngine engine;

  InsightSchedule(InsightEngine engine) {
    this.engine = engine;
  }

  @Scheduled(
      initialDelayString = "${dealflow.insights.evaluate-interval:5s}",
      fixedDelayString = "${dealflow.insights.evaluate-interval:5s}")
  void evaluateChanged() {
    evaluate(engine.changed(BATCH));
  }

  @Scheduled(
      initialDelayString = "${dealflow.insights.sweep-interval:1h}",
      fixedDelayString = "${dealflow.insights.sweep-interval:1h}")
  void sweep() {
    evaluate(engine.workspaces());
  }

  private void evaluate(List<UUID> workspaces) {
    for (UUID workspace : workspaces) {
      try {
        engine.evaluate(workspace);
      } catch (RuntimeException e) {
        log.warn("Insights: evaluating workspace {} failed; retried on the next run", workspace, e);
      }
    }
  }
}
