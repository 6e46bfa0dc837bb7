package io.dealflow.platform.ai;

import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/** The offline model of a service that brings none: it says so instead of pretending. */
final class NotConfiguredChatModel implements OfflineChatModel {

  static final String ANSWER =
      "No AI provider is configured for this service, so this is not a generated answer."
          + " An operator can configure an OpenAI-compatible API (dealflow.ai.base-url and"
          + " dealflow.ai.model).";

  @Override
  public String name() {
    return "not-configured";
  }

  @Override
  public ChatResponse call(Prompt prompt) {
    return new ChatResponse(List.of(new Generation(new AssistantMessage(ANSWER))));
  }
}
