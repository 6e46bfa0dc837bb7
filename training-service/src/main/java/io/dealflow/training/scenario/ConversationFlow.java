package io.dealflow.training.scenario;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a scenario's call goes: the prospect's opening line, the discovery questions the rep should
 * ask, and the objections the prospect raises, in order.
 */
public record ConversationFlow(
    @Nullable String opening, List<String> discoveryQuestions, List<String> objectionScenarios) {

  public ConversationFlow {
    discoveryQuestions = List.copyOf(discoveryQuestions);
    objectionScenarios = List.copyOf(objectionScenarios);
  }
}
