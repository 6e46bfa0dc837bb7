package io.dealflow.training.scoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Scores a call from its transcript. Each metric is computed by a rule written out in the README
 * ("How a call is scored") and comes with the turns it was read from:
 *
 * <ul>
 *   <li>{@code talk_time_ratio}: the rep's speaking time over everyone's;
 *   <li>{@code question_count}: questions in the rep's turns ({@link Language#questions});
 *   <li>{@code objection_handling_score}: per objection the prospect raised, the rep's next turn
 *       earns 40 for acknowledging it, 30 for exploring it with a question, 30 for answering with
 *       substance; the mean over objections;
 *   <li>{@code rapport_building_score}: 35 for using the prospect's name, 25 for empathy, 40 for
 *       asking before pitching;
 *   <li>{@code closing_effectiveness}: 50 for asking for a next step, 25 for naming a time, 25 for
 *       the prospect agreeing after the ask;
 *   <li>{@code overall_score}: the weighted mean of objection handling 30 %, closing 25 %, rapport
 *       20 %, discovery (25 per question, at most 100) 15 % and talk-time balance 10 % (100 between
 *       35 % and 60 %, 2.5 points less per point outside), over the scores the call has.
 * </ul>
 */
public final class CallScoring {

  static final double OBJECTION_WEIGHT = 0.30;
  static final double CLOSING_WEIGHT = 0.25;
  static final double RAPPORT_WEIGHT = 0.20;
  static final double DISCOVERY_WEIGHT = 0.15;
  static final double BALANCE_WEIGHT = 0.10;

  private CallScoring() {}

  public static Scorecard score(List<CallTurn> turns, String prospectName) {
    Map<String, Evidence> evidence = new LinkedHashMap<>();
    List<CallTurn> rep = turns.stream().filter(CallTurn::byRep).toList();

    Double ratio = talkTimeRatio(turns, evidence);
    int questions = questionCount(rep, evidence);
    Integer objections = objectionHandling(turns, evidence);
    Integer rapport = rep.isEmpty() ? null : rapport(rep, prospectName, evidence);
    Integer closing = rep.isEmpty() ? null : closing(turns, evidence);
    Integer overall =
        rep.isEmpty() ? null : overall(ratio, questions, objections, rapport, closing, evidence);

    PerformanceMetrics metrics =
        new PerformanceMetrics(overall, ratio, questions, objections, rapport, closing);
    return new Scorecard(metrics, evidence, Feedback.of(metrics, evidence, prospectName));
  }

  private static @Nullable Double talkTimeRatio(
      List<CallTurn> turns, Map<String, Evidence> evidence) {
    Duration rep = Duration.ZERO;
    Duration everyone = Duration.ZERO;
    List<Integer> seqs = new ArrayList<>();
    for (CallTurn turn : turns) {
      everyone = everyone.plus(turn.speech());
      if (turn.byRep()) {
        rep = rep.plus(turn.speech());
        seqs.add(turn.seq());
      }
    }
    if (everyone.isZero()) {
      evidence.put("talk_time_ratio", new Evidence(List.of(), "Nobody spoke yet."));
      return null;
    }
    double ratio = Math.round(rep.toMillis() * 100.0 / everyone.toMillis()) / 100.0;
    evidence.put(
        "talk_time_ratio",
        new Evidence(
            seqs,
            "The rep spoke %.1f s of %.1f s in all (speech: audio length; typed turns: words at"
                    .formatted(rep.toMillis() / 1000.0, everyone.toMillis() / 1000.0)
                + " 150 a minute)."));
    return ratio;
  }

  private static int questionCount(List<CallTurn> rep, Map<String, Evidence> evidence) {
    int count = 0;
    List<Integer> seqs = new ArrayList<>();
    for (CallTurn turn : rep) {
      int questions = Language.questions(turn.text());
      if (questions > 0) {
        count += questions;
        seqs.add(turn.seq());
      }
    }
    evidence.put(
        "question_count",
        new Evidence(
            seqs, "%d question(s) in %d turn(s) of the rep.".formatted(count, seqs.size())));
    return count;
  }

  private static @Nullable Integer objectionHandling(
      List<CallTurn> turns, Map<String, Evidence> evidence) {
    List<Integer> seqs = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int total = 0;
    int objections = 0;
    for (int i = 0; i < turns.size(); i++) {
      CallTurn turn = turns.get(i);
      if (!turn.objection()) {
        continue;
      }
      objections++;
      seqs.add(turn.seq());
      CallTurn reply = nextByRep(turns, i);
      if (reply == null) {
        notes.add("turn %d: no answer".formatted(turn.seq()));
        continue;
      }
      seqs.add(reply.seq());
      int points = 0;
      List<String> earned = new ArrayList<>();
      if (Language.acknowledges(reply.text())) {
        points += 40;
        earned.add("acknowledged");
      }
      if (Language.asksQuestion(reply.text())) {
        points += 30;
        earned.add("explored");
      }
      if (Language.answersWithSubstance(reply.text())) {
        points += 30;
        earned.add("answered");
      }
      total += points;
      notes.add(
          "turn %d -> %d: %d (%s)"
              .formatted(
                  turn.seq(),
                  reply.seq(),
                  points,
                  earned.isEmpty() ? "brushed aside" : String.join(", ", earned)));
    }
    if (objections == 0) {
      evidence.put(
          "objection_handling_score", new Evidence(List.of(), "The prospect raised no objection."));
      return null;
    }
    int score = Math.round((float) total / objections);
    evidence.put(
        "objection_handling_score",
        new Evidence(
            seqs,
            "%d objection(s); acknowledge 40, explore 30, answer 30 each: %s."
                .formatted(objections, String.join("; ", notes))));
    return score;
  }

  private static @Nullable CallTurn nextByRep(List<CallTurn> turns, int after) {
    for (int j = after + 1; j < turns.size(); j++) {
      if (turns.get(j).byRep()) {
        return turns.get(j);
      }
    }
    return null;
  }

  private static int rapport(
      List<CallTurn> rep, String prospectName, Map<String, Evidence> evidence) {
    String firstName = firstName(prospectName);
    List<Integer> seqs = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int score = 0;
    CallTurn named =
        rep.stream().filter(t -> Language.mentions(t.text(), firstName)).findFirst().orElse(null);
    if (named != null) {
      score += 35;
      seqs.add(named.seq());
      notes.add("used the name " + firstName + " (35)");
    } else {
      notes.add("never used the name " + firstName);
    }
    CallTurn empathy =
        rep.stream()
            .filter(t -> Language.empathizes(t.text()) || Language.acknowledges(t.text()))
            .findFirst()
            .orElse(null);
    if (empathy != null) {
      score += 25;
      seqs.add(empathy.seq());
      notes.add("showed empathy (25)");
    } else {
      notes.add("no empathy or acknowledgement");
    }
    CallTurn firstQuestion =
        rep.stream().filter(t -> Language.asksQuestion(t.text())).findFirst().orElse(null);
    CallTurn firstPitch =
        rep.stream().filter(t -> Language.pitches(t.text())).findFirst().orElse(null);
    if (firstQuestion != null && (firstPitch == null || firstQuestion.seq() < firstPitch.seq())) {
      score += 40;
      seqs.add(firstQuestion.seq());
      notes.add("asked before pitching (40)");
    } else if (firstPitch != null) {
      seqs.add(firstPitch.seq());
      notes.add("pitched before asking anything");
    } else {
      notes.add("asked no question");
    }
    evidence.put("rapport_building_score", new Evidence(seqs, String.join("; ", notes) + "."));
    return score;
  }

  private static int closing(List<CallTurn> turns, Map<String, Evidence> evidence) {
    List<Integer> seqs = new ArrayList<>();
    int score = 0;
    int ask = -1;
    for (int i = 0; i < turns.size(); i++) {
      CallTurn turn = turns.get(i);
      if (turn.byRep() && Language.asksForNextStep(turn.text())) {
        ask = i;
        break;
      }
    }
    if (ask < 0) {
      evidence.put(
          "closing_effectiveness", new Evidence(List.of(), "Never asked for a next step."));
      return 0;
    }
    List<String> notes = new ArrayList<>();
    CallTurn asked = turns.get(ask);
    score += 50;
    seqs.add(asked.seq());
    notes.add("asked for a next step (50)");
    CallTurn timed = null;
    for (int i = ask; i < turns.size() && timed == null; i++) {
      CallTurn turn = turns.get(i);
      if (turn.byRep() && Language.namesATime(turn.text())) {
        timed = turn;
      }
    }
    if (timed != null) {
      score += 25;
      if (timed != asked) {
        seqs.add(timed.seq());
      }
      notes.add("named a time (25)");
    } else {
      notes.add("named no time");
    }
    CallTurn agreed = null;
    for (int i = ask + 1; i < turns.size() && agreed == null; i++) {
      CallTurn turn = turns.get(i);
      if (!turn.byRep()
          && ("agree_next_step".equals(turn.intent())
              || (turn.intent() == null && Language.agrees(turn.text())))) {
        agreed = turn;
      }
    }
    if (agreed != null) {
      score += 25;
      seqs.add(agreed.seq());
      notes.add("the prospect agreed (25)");
    } else {
      notes.add("the prospect did not agree");
    }
    evidence.put("closing_effectiveness", new Evidence(seqs, String.join("; ", notes) + "."));
    return score;
  }

  private static int overall(
      @Nullable Double ratio,
      int questions,
      @Nullable Integer objections,
      @Nullable Integer rapport,
      @Nullable Integer closing,
      Map<String, Evidence> evidence) {
    double sum = 0;
    double weights = 0;
    List<String> parts = new ArrayList<>();
    if (objections != null) {
      sum += OBJECTION_WEIGHT * objections;
      weights += OBJECTION_WEIGHT;
      parts.add("objections " + objections + " x 30%");
    }
    if (closing != null) {
      sum += CLOSING_WEIGHT * closing;
      weights += CLOSING_WEIGHT;
      parts.add("closing " + closing + " x 25%");
    }
    if (rapport != null) {
      sum += RAPPORT_WEIGHT * rapport;
      weights += RAPPORT_WEIGHT;
      parts.add("rapport " + rapport + " x 20%");
    }
    int discovery = discoveryScore(questions);
    sum += DISCOVERY_WEIGHT * discovery;
    weights += DISCOVERY_WEIGHT;
    parts.add("discovery " + discovery + " x 15%");
    if (ratio != null) {
      int balance = balanceScore(ratio);
      sum += BALANCE_WEIGHT * balance;
      weights += BALANCE_WEIGHT;
      parts.add("talk balance " + balance + " x 10%");
    }
    int overall = (int) Math.round(sum / weights);
    evidence.put(
        "overall_score",
        new Evidence(
            List.of(),
            "Weighted mean of "
                + String.join(", ", parts)
                + " (weights of the scores the call has,"
                + " rescaled to 100%)."));
    return overall;
  }

  /** 25 points per question, at most 100. */
  public static int discoveryScore(int questions) {
    return Math.min(100, 25 * questions);
  }

  /** 100 when the rep speaks 35-60 % of the time, 2.5 points less per point outside. */
  public static int balanceScore(double ratio) {
    double outside = ratio < 0.35 ? 0.35 - ratio : ratio > 0.60 ? ratio - 0.60 : 0;
    return (int) Math.max(0, Math.round(100 - 250 * outside));
  }

  static String firstName(String fullName) {
    String trimmed = fullName.strip();
    int space = trimmed.indexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(0, space);
  }
}
