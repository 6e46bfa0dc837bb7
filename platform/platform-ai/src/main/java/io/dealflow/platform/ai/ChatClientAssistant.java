package io.dealflow.platform.ai;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/** The {@link Assistant} over Spring AI's {@link ChatClient} of the active model. */
final class ChatClientAssistant implements Assistant {

  private final ChatClient client;
  private final ActiveAiProvider provider;

  ChatClientAssistant(ChatClient client, ActiveAiProvider provider) {
    this.client = client;
    this.provider = provider;
  }

  @Override
  public String call(Prompt prompt) {
    try {
      String content = client.prompt(prompt).call().content();
      return content == null ? "" : content;
    } catch (RuntimeException e) {
      throw AiFailures.translate(e);
    }
  }

  @Override
  public String callWithTools(Prompt prompt, Object tools) {
    try {
      String content = client.prompt(prompt).tools(tools).call().content();
      return content == null ? "" : content;
    } catch (RuntimeException e) {
      throw AiFailures.translate(e);
    }
  }

  @Override
  public Flux<String> stream(Prompt prompt) {
    return Flux.defer(() -> client.prompt(prompt).stream().content())
        .filter(piece -> !piece.isEmpty())
        .onErrorMap(AiFailures::translate);
  }

  @Override
  public ActiveAiProvider provider() {
    return provider;
  }
}
