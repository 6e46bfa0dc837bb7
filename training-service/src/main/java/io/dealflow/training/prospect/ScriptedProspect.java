package io.dealflow.training.prospect;

import io.dealflow.training.scenario.ConversationFlow;
import io.dealflow.training.scenario.ProspectPersona;
import io.dealflow.training.scoring.CallTurn;
import io.dealflow.training.scoring.Language;
import java.util.List;
import java.util.Locale;

/**
 * The offline prospect: deterministic, and honest that it follows a script. It is driven by the
 * scenario's conversation flow and by how the rep behaves:
 *
 * <ul>
 *   <li>it picks up with the flow's opening;
 *   <li>it answers discovery questions from the persona's pain points, in order;
 *   <li>it raises the flow's objections in order — when pitched to before being asked anything,
 *       after two discovery answers, or when asked to commit too early;
 *   <li>it softens when an objection is handled well (acknowledged, then explored with a question
 *       or answered with substance) and presses, more curtly each time, when it is brushed aside;
 *   <li>it agrees to a next step only when the rep asks for one, its interest has reached the
 *       difficulty's threshold, and the rep has handled one objection (two at advanced).
 * </ul>
 *
 * Interest starts at 55 / 45 / 35 (beginner / intermediate / advanced) and must reach 50 / 55 / 60:
 * a question +5, using its first name +5 (once), empathy +5 (once), a handled objection +20 / +15 /
 * +12, a brushed-aside objection -10, a pitch before any question -5. The state is replayed from
 * the transcript on every turn, so a call picked up after a reconnect continues where it was.
 */
public final class ScriptedProspect implements Prospect {

  @Override
  public ProspectReply open(Roleplay roleplay) {
    ProspectPersona persona = roleplay.scenario().persona();
    String opening = roleplay.scenario().flow().opening();
    String text =
        opening == null || opening.isBlank() ? "Hello, " + persona.name() + " speaking." : opening;
    return new ProspectReply(text, "neutral", "greeting", "script");
  }

  @Override
  public ProspectReply reply(Roleplay roleplay, List<CallTurn> history) {
    Mind mind = Mind.start(roleplay.difficulty());
    ProspectReply reply = null;
    for (CallTurn turn : history) {
      if (turn.byRep()) {
        Step step = react(roleplay, mind, turn.text());
        mind = step.mind();
        reply = step.reply();
      }
    }
    if (reply == null) {
      return open(roleplay);
    }
    return reply;
  }

  private static Step react(Roleplay roleplay, Mind before, String said) {
    ProspectPersona persona = roleplay.scenario().persona();
    ConversationFlow flow = roleplay.scenario().flow();
    List<String> objections = flow.objectionScenarios();
    Mind mind = before.heard(said, persona.firstName());
    boolean question = Language.asksQuestion(said);
    int turn = mind.repTurns();

    if (mind.agreed()) {
      return new Step(
          mind, reply("Great. I'll look out for the invite. Talk to you then.", mind, "wrap_up"));
    }
    if (mind.pending()) {
      boolean handled =
          Language.acknowledges(said) && (question || Language.answersWithSubstance(said));
      if (handled) {
        Mind softened = mind.softened();
        String text =
            pick(turn, "Okay, that's fair.", "Alright, that helps.", "I can see that.")
                + (softened.interest() >= softened.threshold()
                    ? " Go on."
                    : " I'm still not fully convinced, though.");
        return new Step(softened, new ProspectReply(text, "receptive", "soften", "script"));
      }
      Mind pressed = mind.pressed();
      String objection = objections.get(pressed.objectionsRaised() - 1);
      String text =
          pressed.presses() >= 2
              ? "Look, I don't have much time for this. " + sentence(objection)
              : pick(turn, "You're not really answering me. ", "I hear you, but ")
                  + lowerFirst(sentence(objection));
      return new Step(pressed, reply(text, pressed, "objection"));
    }
    if (Language.asksForNextStep(said)) {
      boolean handledEnough = mind.handled() >= Math.min(mind.mustHandle(), objections.size());
      if (mind.interest() >= mind.threshold() && handledEnough) {
        Mind agreed = mind.agreeing();
        String text =
            "Alright, let's do it. "
                + (Language.namesATime(said)
                    ? "That time works for me, send me an invite."
                    : "Send me an invite with a time.");
        return new Step(agreed, new ProspectReply(text, "positive", "agree_next_step", "script"));
      }
      if (mind.objectionsRaised() < objections.size()) {
        Mind raising = mind.raising();
        String text =
            "Hold on, it's a bit early for that. "
                + sentence(objections.get(raising.objectionsRaised() - 1));
        return new Step(raising, reply(text, raising, "objection"));
      }
      return new Step(
          mind,
          reply("I'm not ready to commit yet. What exactly would that cover?", mind, "deflect"));
    }
    if (Language.pitches(said) && !mind.askedBefore()) {
      Mind pitched = mind.pitchedCold();
      if (pitched.objectionsRaised() < objections.size()) {
        Mind raising = pitched.raising();
        String text =
            "Okay, but " + lowerFirst(sentence(objections.get(raising.objectionsRaised() - 1)));
        return new Step(raising, reply(text, raising, "objection"));
      }
      return new Step(pitched, reply("Okay, but why would that matter to us?", pitched, "clarify"));
    }
    if (question) {
      if (mind.painShared() < persona.painPoints().size() && mind.answersSinceObjection() < 2) {
        Mind answered = mind.sharedPain();
        String painPoint = sentence(persona.painPoints().get(answered.painShared() - 1));
        String text =
            switch ((answered.painShared() - 1) % 4) {
              case 0 -> "Honestly? " + painPoint;
              case 1 -> "Well, " + lowerFirst(painPoint);
              case 2 -> "The other thing is, " + lowerFirst(painPoint);
              default -> "Also, " + lowerFirst(painPoint);
            };
        return new Step(answered, reply(text, answered, "answer_discovery"));
      }
      if (mind.objectionsRaised() < objections.size()) {
        Mind raising = mind.raising();
        String text =
            pick(turn, "To be honest, ", "Look, ", "")
                + lowerFirst(sentence(objections.get(raising.objectionsRaised() - 1)));
        return new Step(raising, reply(text, raising, "objection"));
      }
      return new Step(
          mind,
          reply("I think I've told you the main issues. What would you suggest?", mind, "clarify"));
    }
    if (turn == 1) {
      return new Step(mind, reply("Okay. What is this about?", mind, "clarify"));
    }
    return new Step(
        mind,
        reply(
            pick(turn, "Go on.", "I'm listening, but I don't see where this is going."),
            mind,
            "clarify"));
  }

  private static ProspectReply reply(String text, Mind mind, String intent) {
    return new ProspectReply(text, mind.mood(), intent, "script");
  }

  private static String pick(int index, String... options) {
    return options[Math.floorMod(index, options.length)];
  }

  private static String sentence(String text) {
    String stripped = text.strip();
    return stripped.endsWith(".") || stripped.endsWith("?") || stripped.endsWith("!")
        ? stripped
        : stripped + ".";
  }

  private static String lowerFirst(String text) {
    if (text.length() < 2 || Character.isUpperCase(text.charAt(1)) || text.startsWith("I ")) {
      return text;
    }
    return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }

  private record Step(Mind mind, ProspectReply reply) {}

  /** What the prospect feels and has said so far. */
  private record Mind(
      String difficulty,
      int interest,
      int repTurns,
      int objectionsRaised,
      boolean pending,
      int presses,
      int handled,
      int painShared,
      int answersSinceObjection,
      boolean named,
      boolean empathized,
      boolean askedBefore,
      boolean agreed) {

    static Mind start(String difficulty) {
      int interest =
          switch (difficulty) {
            case "beginner" -> 55;
            case "advanced" -> 35;
            default -> 45;
          };
      return new Mind(difficulty, interest, 0, 0, false, 0, 0, 0, 0, false, false, false, false);
    }

    int threshold() {
      return switch (difficulty) {
        case "beginner" -> 50;
        case "advanced" -> 60;
        default -> 55;
      };
    }

    /** Objections the rep must have handled before a next step: two for advanced, else one. */
    int mustHandle() {
      return difficulty.equals("advanced") ? 2 : 1;
    }

    int softenBonus() {
      return switch (difficulty) {
        case "beginner" -> 20;
        case "advanced" -> 12;
        default -> 15;
      };
    }

    String mood() {
      if (agreed) {
        return "positive";
      }
      if (interest < 30) {
        return "frustrated";
      }
      if (interest < 45) {
        return "skeptical";
      }
      return interest < 60 ? "neutral" : "interested";
    }

    /** Takes in the rep's turn: questions, the name and empathy count before the reply. */
    Mind heard(String said, String firstName) {
      int gained = 0;
      boolean question = Language.asksQuestion(said);
      if (question && !pending) {
        gained += 5;
      }
      boolean nowNamed = named || Language.mentions(said, firstName);
      if (nowNamed && !named) {
        gained += 5;
      }
      boolean nowEmpathized = empathized || Language.empathizes(said);
      if (nowEmpathized && !empathized) {
        gained += 5;
      }
      return new Mind(
          difficulty,
          interest + gained,
          repTurns + 1,
          objectionsRaised,
          pending,
          presses,
          handled,
          painShared,
          answersSinceObjection,
          nowNamed,
          nowEmpathized,
          askedBefore || question,
          agreed);
    }

    Mind softened() {
      return new Mind(
          difficulty,
          interest + softenBonus(),
          repTurns,
          objectionsRaised,
          false,
          0,
          handled + 1,
          painShared,
          0,
          named,
          empathized,
          true,
          agreed);
    }

    Mind pressed() {
      return new Mind(
          difficulty,
          interest - 10,
          repTurns,
          objectionsRaised,
          true,
          presses + 1,
          handled,
          painShared,
          answersSinceObjection,
          named,
          empathized,
          askedBefore,
          agreed);
    }

    Mind raising() {
      return new Mind(
          difficulty,
          interest,
          repTurns,
          objectionsRaised + 1,
          true,
          0,
          handled,
          painShared,
          0,
          named,
          empathized,
          true,
          agreed);
    }

    Mind sharedPain() {
      return new Mind(
          difficulty,
          interest,
          repTurns,
          objectionsRaised,
          false,
          presses,
          handled,
          painShared + 1,
          answersSinceObjection + 1,
          named,
          empathized,
          true,
          agreed);
    }

    Mind pitchedCold() {
      return new Mind(
          difficulty,
          interest - 5,
          repTurns,
          objectionsRaised,
          pending,
          presses,
          handled,
          painShared,
          answersSinceObjection,
          named,
          empathized,
          askedBefore,
          agreed);
    }

    Mind agreeing() {
      return new Mind(
          difficulty,
          interest,
          repTurns,
          objectionsRaised,
          false,
          presses,
          handled,
          painShared,
          answersSinceObjection,
          named,
          empathized,
          true,
          true);
    }
  }
}
