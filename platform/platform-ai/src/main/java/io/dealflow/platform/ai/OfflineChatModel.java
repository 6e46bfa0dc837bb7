package io.dealflow.platform.ai;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/**
 * The model that answers when no OpenAI-compatible API is configured. A service declares its own as
 * a bean (the playbook coach: retrieval-grounded, deterministic answers that name their sources);
 * without one, the platform's answers only that no AI provider is configured.
 *
 * <p>Offline answers must be honest about what they are: drawn from data the service has, never
 * invented. Override {@link #stream} to stream in several pieces; by default the whole answer is
 * one piece.
 */
public interface OfflineChatModel extends ChatModel {

  /** A short name for logs and {@code /actuator/info}, e.g. {@code playbook-retrieval}. */
  String name();

  @Override
  default Flux<ChatResponse> stream(Prompt prompt) {
    return Flux.defer(() -> Flux.just(call(prompt)));
  }
}
