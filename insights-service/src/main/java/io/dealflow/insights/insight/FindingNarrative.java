package io.dealflow.insights.insight;

import io.dealflow.insights.rules.Finding;
import io.dealflow.insights.rules.Grounding;
import io.dealflow.insights.rules.PipelineRules.Outcome;
import io.dealflow.platform.ai.ActiveAiProvider;
import io.dealflow.platform.ai.AiProviderException;
import io.dealflow.platform.ai.Assistant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.stereotype.Service;

/**
 * With an OpenAI-compatible model configured, the model rewrites each finding's description for a
 * sales manager; the numbers always come from the rules. A rewrite is kept only when it is not
 * blank, at most {@value #MAX_LENGTH} characters, and states no number the rule's own title and
 * description do not; otherwise, and with no model or a failing one, the rule's text stays. Type,
 * title, priority and confidence are the rule's.
 */
@Service
public class FindingNarrative {

  static final int MAX_LENGTH = 600;
  static final String INSTRUCTIONS =
      "Rewrite the description of this finding about a sales pipeline for a sales manager, in at"
          + " most two sentences. Keep every number exactly as written and add no other number."
          + " Answer with the description only.";

  private static final Logger log = LoggerFactory.getLogger(FindingNarrative.class);

  private final Assistant assistant;

  FindingNarrative(Assistant assistant) {
    this.assistant = assistant;
  }

  public Outcome narrate(Outcome outcome) {
    if (assistant.provider().kind() == ActiveAiProvider.Kind.OFFLINE) {
      return outcome;
    }
    boolean[] available = {true};
    return new Outcome(
        narrate(outcome.insights(), available), narrate(outcome.recommendations(), available));
  }

  private List<Finding> narrate(List<Finding> findings, boolean[] available) {
    List<Finding> narrated = new ArrayList<>();
    for (Finding finding : findings) {
      narrated.add(available[0] ? narrate(finding, available) : finding);
    }
    return narrated;
  }

  private Finding narrate(Finding finding, boolean[] available) {
    String text;
    try {
      text =
          assistant
              .call(
                  new Prompt(
                      List.of(
                          new SystemMessage(INSTRUCTIONS),
                          new UserMessage(finding.title() + "\n" + finding.description()))))
              .strip();
    } catch (AiProviderException e) {
      log.warn(
          "The model could not write the narrative ({}); the rules' text stays", e.getMessage());
      available[0] = false;
      return finding;
    }
    Set<String> unknown =
        Grounding.numbersNotIn(text, List.of(finding.title(), finding.description()));
    if (text.isEmpty() || text.length() > MAX_LENGTH || !unknown.isEmpty()) {
      log.warn(
          "The model's narrative of {} was refused ({} characters, numbers of its own {}); the"
              + " rules' text stays",
          finding.type(),
          text.length(),
          unknown);
      return finding;
    }
    return new Finding(
        finding.type(), finding.title(), text, finding.priority(), finding.confidence());
  }
}
