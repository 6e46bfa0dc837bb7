package io.dealflow.platform.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.springframework.ai.model.openai.autoconfigure.OpenAiAudioSpeechAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiAudioTranscriptionAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiEmbeddingAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiImageAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiModerationAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service that also brings Spring AI's OpenAI auto-configuration still starts without a key, and
 * gets exactly the model of {@code dealflow.ai.*}.
 */
class SpringAiDefaultsTest {

  @Test
  void springAisOpenAiAutoConfigurationStaysOffWithoutAKey() {
    try (ConfigurableApplicationContext context = start()) {
      assertThat(context.getBeansOfType(OpenAiChatModel.class)).isEmpty();
      assertThat(context.getEnvironment().getProperty("spring.ai.model.chat")).isEqualTo("none");
      assertThat(context.getEnvironment().getProperty("spring.ai.model.embedding"))
          .isEqualTo("none");
      assertThat(context.getBean(Assistant.class).provider().kind())
          .isEqualTo(ActiveAiProvider.Kind.OFFLINE);
    }
  }

  @Test
  void withDealflowAiConfiguredThereIsExactlyOneOpenAiModel() {
    try (ConfigurableApplicationContext context =
        start("--dealflow.ai.base-url=http://127.0.0.1:1/v1", "--dealflow.ai.model=coach-model")) {
      assertThat(context.getBeansOfType(OpenAiChatModel.class))
          .containsOnlyKeys("dealflowOpenAiChatModel");
    }
  }

  /** The trap the defaults avoid; also shows that a service's own setting overrides them. */
  @Test
  void withoutTheDefaultsSpringAisOpenAiAutoConfigurationFailsWithoutAKey() {
    assumeTrue(System.getenv("OPENAI_API_KEY") == null, "OPENAI_API_KEY is set here");
    assertThatThrownBy(() -> start("--spring.ai.model.chat=openai").close())
        .hasStackTraceContaining("credential");
  }

  @Test
  void springAisStreamAggregatorDoesNotLogFailuresAgain() {
    try (ConfigurableApplicationContext context = start()) {
      assertThat(
              context
                  .getEnvironment()
                  .getProperty("logging.level.org.springframework.ai.chat.model.MessageAggregator"))
          .isEqualTo("off");
      assertThat(
              org.slf4j.LoggerFactory.getLogger(
                      "org.springframework.ai.chat.model.MessageAggregator")
                  .isErrorEnabled())
          .isFalse();
    }
  }

  private static ConfigurableApplicationContext start(String... args) {
    return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).run(args);
  }

  @SpringBootConfiguration
  @ImportAutoConfiguration({
    AiAutoConfiguration.class,
    ToolCallingAutoConfiguration.class,
    OpenAiChatAutoConfiguration.class,
    OpenAiEmbeddingAutoConfiguration.class,
    OpenAiImageAutoConfiguration.class,
    OpenAiAudioSpeechAutoConfiguration.class,
    OpenAiAudioTranscriptionAutoConfiguration.class,
    OpenAiModerationAutoConfiguration.class
  })
  static class App {}
}
