package io.dealflow.training.scoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules that coach the rep during the call, run after each of the rep's turns. A rule that
 * fired stays quiet for its next two chances, so the rep is not told the same thing every turn.
 *
 * <ul>
 *   <li>{@code monologue}: the turn ran over 45 s or 110 words;
 *   <li>{@code no_question}: three turns of the rep in a row without a question;
 *   <li>{@code objection_not_acknowledged}: the prospect objected and the rep did not acknowledge
 *       it;
 *   <li>{@code filler_words}: three or more filler words in the turn;
 *   <li>{@code talking_over}: the rep started speaking before the prospect's reply had finished
 *       playing;
 *   <li>{@code good_question}: an open question after an objection or as the call's first question
 *       (praise is coaching too).
 * </ul>
 */
public final class LiveCoach {

  static final Duration MONOLOGUE = Duration.ofSeconds(45);
  static final int MONOLOGUE_WORDS = 110;
  static final int QUIET_TURNS = 2;

  private LiveCoach() {}

  /**
   * @param history the call so far, the rep's new turn last
   * @param earlier the tips already given in this call, oldest first, with the rep turn each
   *     followed ({@link Given})
   * @param talkedOver whether the new turn began while the prospect's reply was still playing
   */
  public static List<CoachingTip> after(
      List<CallTurn> history, List<Given> earlier, boolean talkedOver) {
    CallTurn turn = history.getLast();
    List<CallTurn> rep = history.stream().filter(CallTurn::byRep).toList();
    int repIndex = rep.size() - 1;
    List<CoachingTip> tips = new ArrayList<>();

    CallTurn previous = history.size() >= 2 ? history.get(history.size() - 2) : null;
    boolean afterObjection = previous != null && previous.objection();
    if (afterObjection && !Language.acknowledges(turn.text())) {
      add(
          tips,
          earlier,
          repIndex,
          new CoachingTip(
              "objection_not_acknowledged",
              "objection_handling",
              "high",
              "Acknowledge their concern before answering: \"I understand, that's a fair point\" —"
                  + " then ask what is behind it."));
    }
    if (turn.speech().compareTo(MONOLOGUE) > 0 || Language.words(turn.text()) > MONOLOGUE_WORDS) {
      add(
          tips,
          earlier,
          repIndex,
          new CoachingTip(
              "monologue",
              "talk_time",
              "medium",
              "That was a long stretch: pause and ask a question to let the prospect talk."));
    }
    if (rep.size() >= 3
        && rep.subList(rep.size() - 3, rep.size()).stream()
            .noneMatch(t -> Language.asksQuestion(t.text()))) {
      add(
          tips,
          earlier,
          repIndex,
          new CoachingTip(
              "no_question",
              "discovery",
              "medium",
              "You haven't asked a question in a while: ask what matters most to them."));
    }
    if (Language.fillers(turn.text()) >= 3) {
      add(
          tips,
          earlier,
          repIndex,
          new CoachingTip(
              "filler_words",
              "delivery",
              "low",
              "Watch the filler words (um, you know, basically): a short pause sounds more"
                  + " confident."));
    }
    if (talkedOver) {
      add(
          tips,
          earlier,
          repIndex,
          new CoachingTip(
              "talking_over",
              "listening",
              "medium",
              "You started before the prospect finished: let them finish, then answer."));
    }
    boolean firstQuestion =
        rep.subList(0, repIndex).stream().noneMatch(t -> Language.asksQuestion(t.text()));
    if (Language.asksQuestion(turn.text())
        && (afterObjection || firstQuestion)
        && (Language.asksOpenQuestion(turn.text()) || firstQuestion)) {
      add(
          tips,
          earlier,
          repIndex,
          new CoachingTip(
              "good_question",
              "discovery",
              "low",
              "Great question! Now listen, and probe deeper into what they tell you."));
    }
    return tips;
  }

  private static void add(
      List<CoachingTip> tips, List<Given> earlier, int repIndex, CoachingTip tip) {
    boolean quiet =
        earlier.stream()
            .anyMatch(
                given ->
                    given.rule().equals(tip.rule()) && repIndex - given.repTurn() <= QUIET_TURNS);
    if (!quiet) {
      tips.add(tip);
    }
  }

  /** A tip given earlier in the call: its rule and the index of the rep's turn it followed. */
  public record Given(String rule, int repTurn) {}
}
