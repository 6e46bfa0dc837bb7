package io.dealflow.platform.ai;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults for Spring AI in every service with this module; any property source overrides them.
 *
 * <ul>
 *   <li>Spring AI's own model auto-configurations are off: this module builds the chat model from
 *       {@code dealflow.ai.*}, and Spring AI's OpenAI auto-configuration, if a dependency brings
 *       it, would otherwise create a second model from {@code spring.ai.openai.*} and fail at start
 *       without a key.
 *   <li>Spring AI's stream aggregator does not log a failed answer: it would log each failure
 *       several times with its stack trace, while the failure reaches the service as an {@link
 *       AiProviderException}, which the service reports once.
 * </ul>
 */
public class SpringAiDefaults implements EnvironmentPostProcessor {

  static final String SOURCE = "dealflowSpringAiDefaults";

  private static final Map<String, Object> DEFAULTS =
      Map.of(
          "spring.ai.model.chat", "none",
          "spring.ai.model.embedding", "none",
          "spring.ai.model.embedding.text", "none",
          "spring.ai.model.embedding.multimodal", "none",
          "spring.ai.model.image", "none",
          "spring.ai.model.audio.speech", "none",
          "spring.ai.model.audio.transcription", "none",
          "spring.ai.model.moderation", "none",
          "logging.level.org.springframework.ai.chat.model.MessageAggregator", "off");

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    environment.getPropertySources().addLast(new MapPropertySource(SOURCE, DEFAULTS));
  }
}
