package io.dealflow.training.prospect;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.training.scenario.ConversationFlow;
import io.dealflow.training.scenario.ProspectPersona;
import io.dealflow.training.scenario.Scenario;
import io.dealflow.training.scenario.ScenarioOrigin;
import io.dealflow.training.scoring.CallTurn;
import io.dealflow.training.scoring.Language;
import io.dealflow.training.scoring.Speaker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The scripted prospect on scripted calls: each reply follows from the flow and the rep. */
class ScriptedProspectTest {

  static final Scenario DISCOVERY =
      new Scenario(
          UUID.randomUUID(),
          null,
          "Discovery",
          "A discovery call",
          "discovery",
          "intermediate",
          900,
          List.of(),
          List.of(),
          new ProspectPersona(
              "Sarah Johnson",
              "VP of Operations",
              "Enterprise Solutions Inc",
              List.of("Process inefficiency", "Cost reduction pressure"),
              "analytical",
              "direct"),
          new ConversationFlow(
              "Hi, this is Sarah.",
              List.of("What are your biggest challenges?"),
              List.of("We're happy with our current solution", "Budget is tight this year")),
          ScenarioOrigin.BUILT_IN,
          true,
          null,
          Instant.EPOCH,
          Instant.EPOCH,
          0);

  private final ScriptedProspect prospect = new ScriptedProspect();
  private final Roleplay intermediate = new Roleplay(DISCOVERY, "intermediate");

  /** A call in progress: the rep speaks, the prospect answers, both kept in the history. */
  private final class Call {
    private final Roleplay roleplay;
    private final List<CallTurn> history = new ArrayList<>();

    Call(Roleplay roleplay) {
      this.roleplay = roleplay;
    }

    ProspectReply say(String text) {
      history.add(turn(Speaker.USER, text, null));
      ProspectReply reply = prospect.reply(roleplay, history);
      history.add(turn(Speaker.AI, reply.text(), reply.intent()));
      return reply;
    }

    private CallTurn turn(Speaker speaker, String text, String intent) {
      return new CallTurn(
          history.size(), speaker, text, Language.speakingTime(text), Instant.now(), intent);
    }
  }

  @Test
  void itPicksUpWithTheFlowsOpening() {
    assertThat(prospect.open(intermediate).text()).isEqualTo("Hi, this is Sarah.");
    assertThat(prospect.open(intermediate).intent()).isEqualTo("greeting");
  }

  @Test
  void discoveryQuestionsAreAnsweredFromThePainPointsThenAnObjectionComes() {
    Call call = new Call(intermediate);

    ProspectReply first = call.say("Sarah, what are your biggest challenges?");
    ProspectReply second = call.say("How does that affect your budget?");
    ProspectReply third = call.say("What else is on your mind?");

    assertThat(first.intent()).isEqualTo("answer_discovery");
    assertThat(first.text()).isEqualTo("Honestly? Process inefficiency.");
    assertThat(second.text()).contains("cost reduction pressure");
    assertThat(third.intent()).isEqualTo("objection");
    assertThat(third.text()).containsIgnoringCase("happy with our current solution");
  }

  @Test
  void aHandledObjectionSoftensAndABrushedOneIsPressedHarder() {
    Call handled = new Call(intermediate);
    handled.say("What are your challenges?");
    handled.say("What does it cost you?");
    handled.say("Anything else?");
    ProspectReply soft =
        handled.say("I understand. What do you like most about your current solution?");
    assertThat(soft.intent()).isEqualTo("soften");
    assertThat(soft.sentiment()).isEqualTo("receptive");

    Call brushed = new Call(intermediate);
    brushed.say("Our platform is great.");
    ProspectReply pressed = brushed.say("Our product is better.");
    ProspectReply curt = brushed.say("Really, it is better.");
    assertThat(pressed.intent()).isEqualTo("objection");
    assertThat(pressed.text()).containsIgnoringCase("happy with our current solution");
    assertThat(curt.text()).startsWith("Look, I don't have much time for this.");
    assertThat(curt.sentiment()).isIn("skeptical", "frustrated");
  }

  @Test
  void itAgreesToANextStepOnlyWhenAskedAfterAnObjectionWasHandled() {
    Call early = new Call(intermediate);
    ProspectReply tooSoon = early.say("Can we schedule a demo next Tuesday?");
    assertThat(tooSoon.intent()).isEqualTo("objection");
    assertThat(tooSoon.text()).startsWith("Hold on, it's a bit early for that.");

    Call good = new Call(intermediate);
    good.say("Sarah, what are your biggest challenges?");
    good.say("I understand, that sounds frustrating. How do you handle it today?");
    good.say("What would change if that were solved?");
    good.say(
        "That makes sense. What would make a switch worth it? Our customers save 10 hours a"
            + " week because approvals stop waiting.");
    ProspectReply yes = good.say("Could we schedule a demo next Tuesday at 10 am?");
    assertThat(yes.intent()).isEqualTo("agree_next_step");
    assertThat(yes.text()).contains("That time works for me");
  }

  @Test
  void anAdvancedProspectNeedsMoreThanABeginner() {
    List<String> rep =
        List.of(
            "Sarah, what are your biggest challenges?",
            "How do you handle it today?",
            "What else?",
            "I understand. What would make a switch worth it for you?",
            "Can we set up a meeting next week?");
    Call beginner = new Call(new Roleplay(DISCOVERY, "beginner"));
    Call advanced = new Call(new Roleplay(DISCOVERY, "advanced"));
    ProspectReply easy = null;
    ProspectReply hard = null;
    for (String line : rep) {
      easy = beginner.say(line);
      hard = advanced.say(line);
    }

    assertThat(easy.intent()).isEqualTo("agree_next_step");
    assertThat(hard.intent()).isNotEqualTo("agree_next_step");
  }

  @Test
  void theSameCallGetsTheSameReplies() {
    Call one = new Call(intermediate);
    Call two = new Call(intermediate);
    for (String line : List.of("Hello Sarah.", "What keeps you up at night?", "Our tool helps.")) {
      assertThat(one.say(line)).isEqualTo(two.say(line));
    }
  }
}
