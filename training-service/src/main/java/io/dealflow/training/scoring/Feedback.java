package io.dealflow.training.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The end-of-call feedback: one item per skill the call shows, written from its metric. */
final class Feedback {

  private Feedback() {}

  static List<CoachingFeedback> of(
      PerformanceMetrics metrics, Map<String, Evidence> evidence, String prospectName) {
    List<CoachingFeedback> items = new ArrayList<>();
    Integer rapport = metrics.rapportBuildingScore();
    if (rapport != null) {
      items.add(
          new CoachingFeedback(
              "rapport_building",
              explained("Rapport", evidence.get("rapport_building_score")),
              rapport,
              rapport >= 75
                  ? "Keep it up: find common ground early and reflect back what you hear."
                  : "Use "
                      + CallScoring.firstName(prospectName)
                      + "'s name, acknowledge what"
                      + " they say, and ask before you pitch."));
    }
    Integer objections = metrics.objectionHandlingScore();
    if (objections != null) {
      items.add(
          new CoachingFeedback(
              "objection_handling",
              explained("Objections", evidence.get("objection_handling_score")),
              objections,
              objections >= 75
                  ? "Quantify the cost of doing nothing to make your answers even stronger."
                  : "Acknowledge each objection, explore it with a question, then answer with a"
                      + " reason or a figure."));
    }
    int discovery = CallScoring.discoveryScore(metrics.questionCount());
    items.add(
        new CoachingFeedback(
            "discovery",
            "You asked %d question(s).".formatted(metrics.questionCount()),
            discovery,
            discovery >= 75
                ? "Follow each answer with a deeper why or how."
                : "Ask more open questions (what, how, why) before presenting anything."));
    Integer closing = metrics.closingEffectiveness();
    if (closing != null) {
      items.add(
          new CoachingFeedback(
              "closing",
              explained("Closing", evidence.get("closing_effectiveness")),
              closing,
              closing >= 75
                  ? "Confirm the next step in writing right after the call."
                  : "Ask for a concrete next step with a day and a time."));
    }
    Double ratio = metrics.talkTimeRatio();
    if (ratio != null) {
      int balance = CallScoring.balanceScore(ratio);
      items.add(
          new CoachingFeedback(
              "talk_time",
              "You spoke %d%% of the time.".formatted(Math.round(ratio * 100)),
              balance,
              ratio > 0.60
                  ? "Talk less: aim for 35-60% and let the prospect explain their situation."
                  : ratio < 0.35
                      ? "Lead the call more: summarise, propose and ask for the next step."
                      : "A good balance: keep listening as much as you talk."));
    }
    return items;
  }

  private static String explained(String skill, Evidence evidence) {
    return skill + ": " + evidence.explanation();
  }
}
