package io.dealflow.training.prospect;

import io.dealflow.platform.ai.Assistant;
import io.dealflow.training.scenario.ConversationFlow;
import io.dealflow.training.scenario.ProspectPersona;
import io.dealflow.training.scenario.Scenario;
import io.dealflow.training.scoring.CallTurn;
import io.dealflow.training.scoring.Language;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * The prospect played by the configured OpenAI-compatible model, from a persona prompt built of the
 * scenario's persona, flow and the session's difficulty. Its intent and sentiment are read from
 * what it said by the same phrase rules that score the call.
 */
final class ModelProspect implements Prospect {

  private final Assistant assistant;
  private final ScriptedProspect script = new ScriptedProspect();

  ModelProspect(Assistant assistant) {
    this.assistant = assistant;
  }

  @Override
  public ProspectReply open(Roleplay roleplay) {
    ProspectReply opening = script.open(roleplay);
    return new ProspectReply(opening.text(), opening.sentiment(), opening.intent(), "model");
  }

  @Override
  public ProspectReply reply(Roleplay roleplay, List<CallTurn> history) {
    List<Message> messages = new ArrayList<>();
    messages.add(new SystemMessage(persona(roleplay)));
    for (CallTurn turn : history) {
      messages.add(turn.byRep() ? new UserMessage(turn.text()) : new AssistantMessage(turn.text()));
    }
    String text = assistant.call(new Prompt(messages)).strip();
    String intent =
        Language.agrees(text)
            ? "agree_next_step"
            : Language.soundsLikeObjection(text)
                ? "objection"
                : Language.asksQuestion(text) ? "clarify" : "answer_discovery";
    String sentiment =
        switch (intent) {
          case "agree_next_step" -> "positive";
          case "objection" -> "skeptical";
          default -> "neutral";
        };
    return new ProspectReply(text, sentiment, intent, "model");
  }

  static String persona(Roleplay roleplay) {
    Scenario scenario = roleplay.scenario();
    ProspectPersona persona = scenario.persona();
    ConversationFlow flow = scenario.flow();
    return """
        You are %s, %s at %s, on a sales call with a sales rep who is practising. Stay in \
        character; never say you are an AI or a coach. Personality: %s; communication style: %s. \
        Your pain points, which you reveal only when asked good questions: %s. Raise these \
        objections during the call, one at a time: %s. Soften when an objection is acknowledged \
        and answered well; press harder when it is brushed aside. Agree to a concrete next step \
        only when the rep asks for one and has handled your objections. Difficulty: %s (the \
        harder, the more skeptical). Scenario: %s. Answer in one to three short spoken \
        sentences, no lists, no stage directions.
        """
        .formatted(
            persona.name(),
            orUnknown(persona.title()),
            orUnknown(persona.company()),
            orUnknown(persona.personality()),
            orUnknown(persona.communicationStyle()),
            String.join("; ", persona.painPoints()),
            String.join("; ", flow.objectionScenarios()),
            roleplay.difficulty(),
            scenario.description());
  }

  private static String orUnknown(@org.jspecify.annotations.Nullable String value) {
    return value == null || value.isBlank() ? "not given" : value;
  }
}
