package io.dealflow.gateway.body;

import io.dealflow.gateway.web.GatewayErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BodyLimitConfiguration {

  @Bean
  BodyLimitFilter bodyLimitFilter(BodyLimitProperties properties, GatewayErrors errors) {
    return new BodyLimitFilter(properties.limits(), errors);
  }
}
