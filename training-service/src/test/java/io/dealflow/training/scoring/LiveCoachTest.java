package io.dealflow.training.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live coaching rules, one call each. */
class LiveCoachTest {

  @Test
  void anUnacknowledgedObjectionIsCoachedUrgently() {
    List<CallTurn> call =
        new Calls()
            .prospect("Budget is tight this year.", "objection")
            .rep("Our price is very competitive.")
            .turns();

    assertThat(LiveCoach.after(call, List.of(), false))
        .extracting(CoachingTip::rule, CoachingTip::urgency)
        .contains(org.assertj.core.groups.Tuple.tuple("objection_not_acknowledged", "high"));
  }

  @Test
  void aMonologueAndFillerWordsAreCoached() {
    List<CallTurn> call =
        new Calls()
            .rep("um so basically you know our tool does things", Duration.ofSeconds(50))
            .turns();

    assertThat(LiveCoach.after(call, List.of(), false))
        .extracting(CoachingTip::rule)
        .contains("monologue", "filler_words");
  }

  @Test
  void threeTurnsWithoutAQuestionAreCoachedOnceThenTheRuleWaits() {
    Calls calls =
        new Calls()
            .rep("Hello there.")
            .prospect("Hi.", "clarify")
            .rep("I am calling from Acme.")
            .prospect("Okay.", "clarify")
            .rep("We sell software.");
    List<CoachingTip> first = LiveCoach.after(calls.turns(), List.of(), false);
    assertThat(first).extracting(CoachingTip::rule).contains("no_question");

    calls.prospect("Go on.", "clarify").rep("It is good software.");
    List<CoachingTip> next =
        LiveCoach.after(calls.turns(), List.of(new LiveCoach.Given("no_question", 2)), false);
    assertThat(next).extracting(CoachingTip::rule).doesNotContain("no_question");
  }

  @Test
  void talkingOverAndAGoodFirstQuestionAreCoached() {
    List<CallTurn> call =
        new Calls()
            .prospect("Mark Chen speaking.", "greeting")
            .rep("hi mark what is your biggest challenge with new tools")
            .turns();

    assertThat(LiveCoach.after(call, List.of(), true))
        .extracting(CoachingTip::rule)
        .containsExactly("talking_over", "good_question");
  }
}
