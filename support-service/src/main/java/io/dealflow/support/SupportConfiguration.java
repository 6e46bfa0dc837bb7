package io.dealflow.support;

import io.dealflow.support.redaction.Redactor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's plain objects that Spring shares. */
@Configuration(proxyBeanMethods = false)
class SupportConfiguration {

  @Bean
  Redactor redactor() {
    return new Redactor();
  }
}
