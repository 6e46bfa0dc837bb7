package io.dealflow.gateway.body;

import io.dealflow.gateway.web.GatewayErrors;
import io.dealflow.platform.request.BodyLimitWebFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class BodyLimitConfiguration {

  @Bean
  /**
   * Right after the edge filter (request id, error rendering), before authentication: a body over
   * its route's limit is refused before any service is called, and a chunked one never reaches a
   * service whole.
   */
  BodyLimitWebFilter bodyLimitFilter(BodyLimitProperties properties, GatewayErrors errors) {
    return new BodyLimitWebFilter(
        properties.limits(), errors::write, Ordered.HIGHEST_PRECEDENCE + 10);
  }
}
