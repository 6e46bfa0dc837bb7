package io.dealflow.platform.ai;

import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/**
 * Answers a conversation with whichever model is active, so that a service does not depend on which
 * one it is. The prompt carries the whole conversation: system instructions, the history as user
 * and assistant messages, and the newest user message last.
 *
 * <p>Failures of the provider surface as {@link AiProviderException}, whose {@link
 * AiProviderException.Reason} a service turns into its own chat error.
 */
public interface Assistant {

  /** The whole answer at once. */
  String call(Prompt prompt);

  /**
   * The whole answer at once, the model calling the {@code @Tool} methods of {@code tools} as it
   * needs: each call is run here and its result sent back to the model, until it answers. An
   * offline model calls no tool.
   */
  String callWithTools(Prompt prompt, Object tools);

  /**
   * The answer in the pieces the model produces, in order; their concatenation is the whole answer.
   * Cancelling the subscription stops the model's answer (the connection to the provider is
   * closed).
   */
  Flux<String> stream(Prompt prompt);

  /** Which model answers. */
  ActiveAiProvider provider();
}
