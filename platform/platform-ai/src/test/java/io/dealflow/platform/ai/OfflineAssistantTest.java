package io.dealflow.platform.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import reactor.core.publisher.Flux;

/** Without an OpenAI-compatible API the service's offline model answers, and says what it is. */
@ExtendWith(OutputCaptureExtension.class)
class OfflineAssistantTest {

  private final ApplicationContextRunner contexts =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(AiAutoConfiguration.class));

  private static final Prompt QUESTION = new Prompt(new UserMessage("How do I open the call?"));

  @Test
  void withoutConfigurationTheOfflineModelAnswersAndNoOpenAiClientExists() {
    contexts.run(
        context -> {
          Assistant assistant = context.getBean(Assistant.class);

          assertThat(assistant.provider())
              .isEqualTo(
                  new ActiveAiProvider(ActiveAiProvider.Kind.OFFLINE, "not-configured", null));
          assertThat(assistant.call(QUESTION)).isEqualTo(NotConfiguredChatModel.ANSWER);
          assertThat(assistant.stream(QUESTION).collectList().block())
              .containsExactly(NotConfiguredChatModel.ANSWER);
          assertThat(context).doesNotHaveBean(OpenAiChatModel.class);
          assertThat(context).doesNotHaveBean(OpenAiCompatibleClients.class);
          assertThat(context.getBean(ChatModel.class)).isInstanceOf(NotConfiguredChatModel.class);
        });
  }

  @Test
  void theDefaultOfflineAnswerSaysNoProviderIsConfigured() {
    assertThat(NotConfiguredChatModel.ANSWER)
        .contains("No AI provider is configured")
        .contains("not a generated answer");
  }

  @Test
  void aBaseUrlWithoutAModelIsNotEnough() {
    contexts
        .withPropertyValues("dealflow.ai.base-url=http://127.0.0.1:1/v1")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(OpenAiChatModel.class);
              assertThat(context.getBean(Assistant.class).provider().kind())
                  .isEqualTo(ActiveAiProvider.Kind.OFFLINE);
            });
  }

  @Test
  void theServicesOfflineModelReplacesTheDefault() {
    contexts
        .withBean(OfflineChatModel.class, ScriptedModel::new)
        .run(
            context -> {
              Assistant assistant = context.getBean(Assistant.class);

              assertThat(assistant.provider().model()).isEqualTo("scripted");
              assertThat(assistant.call(QUESTION)).isEqualTo("From your strategy: ask first.");
              assertThat(assistant.stream(QUESTION).collectList().block())
                  .containsExactly("From your strategy: ", "ask first.");
              assertThat(context).doesNotHaveBean(NotConfiguredChatModel.class);
            });
  }

  @Test
  void theActiveProviderIsLoggedOnceAtStart(CapturedOutput output) {
    contexts.run(context -> context.getBean(Assistant.class));

    assertThat(output.getOut().lines().filter(line -> line.contains("AI provider:")))
        .singleElement()
        .asString()
        .contains("INFO")
        .contains("offline model 'not-configured'")
        .contains("dealflow.ai.base-url");
  }

  @Test
  void theConfiguredProviderIsLoggedWithoutCredentials(CapturedOutput output) {
    contexts
        .withPropertyValues(
            "dealflow.ai.base-url=https://user:secret@llm.example.test/v1?key=secret",
            "dealflow.ai.model=coach-model",
            "dealflow.ai.api-key=secret")
        .run(context -> context.getBean(Assistant.class));

    assertThat(output.getOut())
        .contains(
            "AI provider: OpenAI-compatible API at https://llm.example.test/v1, model coach-model")
        .doesNotContain("secret");
  }

  @Test
  void infoShowsTheActiveProvider() {
    contexts.run(
        context -> {
          Info.Builder info = new Info.Builder();
          context.getBean(InfoContributor.class).contribute(info);

          assertThat(info.build().getDetails())
              .containsEntry("ai", Map.of("provider", "offline", "model", "not-configured"));
        });
  }

  /** An offline model as a service would write one: its answer in two pieces. */
  static final class ScriptedModel implements OfflineChatModel {

    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public ChatResponse call(Prompt prompt) {
      return response("From your strategy: ask first.");
    }

    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
      return Flux.just(response("From your strategy: "), response("ask first."));
    }

    private static ChatResponse response(String text) {
      return new ChatResponse(List.of(new Generation(new AssistantMessage(text))));
    }
  }
}
