package io.dealflow.training.prospect;

import io.dealflow.platform.ai.ActiveAiProvider;
import io.dealflow.platform.ai.Assistant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the prospect: the configured OpenAI-compatible model when {@code dealflow.ai.*} names
 * one, the scripted prospect otherwise.
 */
@Configuration(proxyBeanMethods = false)
class Prospects {

  @Bean
  Prospect prospect(Assistant assistant) {
    return assistant.provider().kind() == ActiveAiProvider.Kind.OPENAI_COMPATIBLE
        ? new ModelProspect(assistant)
        : new ScriptedProspect();
  }
}
