package io.dealflow.training.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scoring rules of the README, pinned on recorded calls. */
class CallScoringTest {

  /** A call done by the book: name, questions first, objection handled, a timed next step. */
  static final List<CallTurn> GOOD_CALL =
      new Calls()
          .prospect("Hi, this is Sarah. Thanks for setting this up.", "greeting")
          .rep("Thanks Sarah. What are your biggest operational challenges right now?")
          .prospect(
              "Honestly? Our processes are inefficient: orders wait at four teams.",
              "answer_discovery")
          .rep("That sounds frustrating. How are you handling order approvals today?")
          .prospect("We're happy with our current solution.", "objection")
          .rep(
              "I understand, that makes sense. What would have to change for you to look at"
                  + " something new? Our customers typically cut approval time by 40 percent"
                  + " because orders stop waiting between teams.")
          .prospect("Okay, that's fair. Go on.", "soften")
          .rep("Could we schedule a demo next Tuesday at 10 am with your team?")
          .prospect("Alright, let's do it. That time works for me.", "agree_next_step")
          .turns();

  @Test
  void aCallByTheBookScoresHighOnEveryMetricWithItsEvidence() {
    Scorecard card = CallScoring.score(GOOD_CALL, "Sarah Johnson");

    PerformanceMetrics metrics = card.metrics();
    assertThat(metrics.questionCount()).isEqualTo(4);
    assertThat(metrics.objectionHandlingScore()).isEqualTo(100);
    assertThat(metrics.rapportBuildingScore()).isEqualTo(100);
    assertThat(metrics.closingEffectiveness()).isEqualTo(100);
    assertThat(card.evidence().get("question_count").turns()).containsExactly(1, 3, 5, 7);
    assertThat(card.evidence().get("objection_handling_score").turns()).containsExactly(4, 5);
    assertThat(card.evidence().get("closing_effectiveness").turns()).containsExactly(7, 8);
    assertThat(card.evidence().get("rapport_building_score").explanation())
        .contains("used the name Sarah", "asked before pitching");
    assertThat(metrics.talkTimeRatio()).isBetween(0.55, 0.75);
    assertThat(metrics.overallScore()).isBetween(90, 100);
    assertThat(card.feedback())
        .extracting(CoachingFeedback::category)
        .containsExactly(
            "rapport_building", "objection_handling", "discovery", "closing", "talk_time");
  }

  @Test
  void talkTimeRatioComesFromSpeakingTime() {
    List<CallTurn> call =
        new Calls()
            .rep("hello", Duration.ofSeconds(30))
            .prospect("one two three four five", "clarify") // 2 s at 150 words a minute
            .turns();

    Scorecard card = CallScoring.score(call, "Sarah Johnson");

    assertThat(card.metrics().talkTimeRatio()).isEqualTo(0.94);
    assertThat(card.evidence().get("talk_time_ratio").explanation()).contains("30.0 s of 32.0 s");
  }

  @Test
  void aBrushedAsideObjectionScoresZeroAndPitchingFirstCostsRapport() {
    List<CallTurn> call =
        new Calls()
            .prospect("Mark Chen speaking.", "greeting")
            .rep("Our platform is the best on the market and we help teams onboard tools.")
            .prospect("Okay, but we already work with a vendor for that.", "objection")
            .rep("Our product is better anyway.")
            .turns();

    Scorecard card = CallScoring.score(call, "Mark Chen");

    assertThat(card.metrics().objectionHandlingScore()).isZero();
    assertThat(card.evidence().get("objection_handling_score").explanation())
        .contains("brushed aside");
    assertThat(card.metrics().rapportBuildingScore()).isZero();
    assertThat(card.metrics().closingEffectiveness()).isZero();
    assertThat(card.metrics().questionCount()).isZero();
    assertThat(card.metrics().overallScore()).isLessThan(25);
  }

  @Test
  void withoutAnObjectionTheScoreIsNullNotInvented() {
    List<CallTurn> call =
        new Calls()
            .prospect("Hello.", "greeting")
            .rep("hi sarah what are your goals this year")
            .turns();

    Scorecard card = CallScoring.score(call, "Sarah Johnson");

    assertThat(card.metrics().objectionHandlingScore()).isNull();
    assertThat(card.evidence().get("objection_handling_score").explanation())
        .isEqualTo("The prospect raised no objection.");
    assertThat(card.metrics().overallScore()).isNotNull();
  }

  @Test
  void anEmptyCallHasNoScores() {
    Scorecard card = CallScoring.score(List.of(), "Sarah Johnson");

    assertThat(card.metrics().overallScore()).isNull();
    assertThat(card.metrics().talkTimeRatio()).isNull();
    assertThat(card.metrics().rapportBuildingScore()).isNull();
    assertThat(card.metrics().questionCount()).isZero();
  }

  @Test
  void questionsAreFoundInUnpunctuatedSpeech() {
    assertThat(Language.questions("hello sarah this is john could we talk about your goals"))
        .isEqualTo(1);
    assertThat(Language.questions("what are your biggest challenges and how do you solve them"))
        .isEqualTo(2);
    assertThat(Language.questions("that is what we do for our customers")).isZero();
    assertThat(Language.questions("Is it working? Tell me more. We ship fast.")).isEqualTo(2);
  }

  @Test
  void closingNeedsAnAskATimeAndAnAgreement() {
    List<CallTurn> call =
        new Calls()
            .rep("Can we set up a meeting?")
            .prospect("I'm not ready to commit yet.", "deflect")
            .turns();

    assertThat(CallScoring.score(call, "Sarah").metrics().closingEffectiveness()).isEqualTo(50);
  }
}
