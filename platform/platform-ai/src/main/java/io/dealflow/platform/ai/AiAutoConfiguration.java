package io.dealflow.platform.ai;

import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The AI provider of every service that depends on this module: the OpenAI-compatible API of {@code
 * dealflow.ai.*} when its base URL and model are set, the service's {@link OfflineChatModel}
 * otherwise, exposed as {@link Assistant} and {@link ChatClient}.
 */
@AutoConfiguration
@EnableConfigurationProperties(AiProperties.class)
public class AiAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(AiAutoConfiguration.class);

  @Bean
  @ConditionalOnMissingBean(OfflineChatModel.class)
  OfflineChatModel dealflowNotConfiguredChatModel() {
    return new NotConfiguredChatModel();
  }

  @Bean
  ActiveModel dealflowActiveModel(
      AiProperties properties, ObjectProvider<OpenAiChatModel> openAi, OfflineChatModel offline) {
    OpenAiChatModel remote = openAi.getIfAvailable();
    ActiveModel active =
        remote != null
            ? new ActiveModel(
                remote,
                ActiveAiProvider.openAiCompatible(
                    String.valueOf(properties.baseUrl()), String.valueOf(properties.model())))
            : new ActiveModel(offline, ActiveAiProvider.offline(offline.name()));
    log.info("AI provider: {}", active.provider().describe());
    return active;
  }

  @Bean
  @ConditionalOnMissingBean
  ChatClient dealflowChatClient(ActiveModel active) {
    return ChatClient.create(active.model());
  }

  @Bean
  @ConditionalOnMissingBean
  Assistant dealflowAssistant(ChatClient chatClient, ActiveModel active) {
    return new ChatClientAssistant(chatClient, active.provider());
  }

  /** The active model and how to describe it. */
  record ActiveModel(ChatModel model, ActiveAiProvider provider) {}

  @Configuration(proxyBeanMethods = false)
  @Conditional(OnProviderConfigured.class)
  static class OpenAiCompatibleConfiguration {

    @Bean
    OpenAiCompatibleClients dealflowOpenAiClients(
        AiProperties properties, ObjectProvider<ObservationRegistry> observations) {
      return new OpenAiCompatibleClients(
          properties, observations.getIfUnique(() -> ObservationRegistry.NOOP));
    }

    /** Primary beside the service's offline model: injecting {@link ChatModel} gets this one. */
    @Bean
    @Primary
    OpenAiChatModel dealflowOpenAiChatModel(
        OpenAiCompatibleClients clients, ObjectProvider<ObservationRegistry> observations) {
      return clients.chatModel(observations.getIfUnique(() -> ObservationRegistry.NOOP));
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(InfoContributor.class)
  static class InfoConfiguration {

    @Bean
    InfoContributor dealflowAiInfo(ActiveModel active) {
      return builder -> builder.withDetail("ai", active.provider().details());
    }
  }

  /** Both {@code dealflow.ai.base-url} and {@code dealflow.ai.model} have text. */
  static class OnProviderConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      Environment environment = context.getEnvironment();
      boolean configured =
          StringUtils.hasText(environment.getProperty("dealflow.ai.base-url"))
              && StringUtils.hasText(environment.getProperty("dealflow.ai.model"));
      return configured
          ? ConditionOutcome.match("dealflow.ai.base-url and dealflow.ai.model are set")
          : ConditionOutcome.noMatch("dealflow.ai.base-url or dealflow.ai.model is not set");
    }
  }
}
