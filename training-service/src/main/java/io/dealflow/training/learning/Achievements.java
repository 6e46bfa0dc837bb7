package io.dealflow.training.learning;

import io.dealflow.training.scoring.PerformanceMetrics;
import io.dealflow.training.session.TrainingSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The achievements and their rules, over a rep's completed sessions in the order they ended:
 *
 * <ul>
 *   <li>First Call: the first completed session;
 *   <li>Curious Mind: eight or more questions in one session;
 *   <li>Closer: a closing effectiveness of 100 (asked for a next step with a time, and the prospect
 *       agreed);
 *   <li>Objection Master: objection handling of 80 or more in three sessions in a row;
 *   <li>Great Listener: a talk-time ratio of 35-60 % in five sessions;
 *   <li>Practice Makes Perfect: ten completed sessions.
 * </ul>
 */
final class Achievements {

  private Achievements() {}

  /** Every achievement earned, most recent first. */
  static List<Achievement> earned(List<TrainingSession> completedOldestFirst) {
    List<Achievement> earned = new ArrayList<>();
    Instant curious = null;
    Instant closer = null;
    Instant master = null;
    Instant listener = null;
    int masterRun = 0;
    int balanced = 0;
    int count = 0;
    for (TrainingSession session : completedOldestFirst) {
      if (session.scorecard() == null || session.completedAt() == null) {
        continue;
      }
      Instant at = session.completedAt();
      PerformanceMetrics metrics = session.scorecard().metrics();
      count++;
      if (count == 1) {
        earned.add(new Achievement("First Call", "Completed your first training session", at));
      }
      if (count == 10) {
        earned.add(
            new Achievement("Practice Makes Perfect", "Completed ten training sessions", at));
      }
      if (curious == null && metrics.questionCount() >= 8) {
        curious = at;
        earned.add(new Achievement("Curious Mind", "Asked eight or more questions in a call", at));
      }
      if (closer == null && Objects.equals(metrics.closingEffectiveness(), 100)) {
        closer = at;
        earned.add(
            new Achievement(
                "Closer", "Asked for a next step with a time, and the prospect agreed", at));
      }
      Integer objections = metrics.objectionHandlingScore();
      if (objections != null) {
        masterRun = objections >= 80 ? masterRun + 1 : 0;
        if (master == null && masterRun == 3) {
          master = at;
          earned.add(
              new Achievement(
                  "Objection Master",
                  "Handled objections with a score of 80 or more in three sessions in a row",
                  at));
        }
      }
      Double ratio = metrics.talkTimeRatio();
      if (ratio != null && ratio >= 0.35 && ratio <= 0.60) {
        balanced++;
        if (listener == null && balanced == 5) {
          listener = at;
          earned.add(
              new Achievement(
                  "Great Listener", "Kept your talk time between 35% and 60% in five calls", at));
        }
      }
    }
    earned.sort(Comparator.comparing(Achievement::earnedAt).reversed());
    return earned;
  }
}
