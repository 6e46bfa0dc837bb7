package io.dealflow.platform.reactive;

import io.dealflow.platform.error.ApiProperties;
import io.dealflow.platform.request.BodyLimitProperties;
import io.dealflow.platform.request.BodyLimitWebFilter;
import io.dealflow.platform.security.SecurityProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** What every Dealflow WebFlux service gets by depending on {@code platform-reactive}. */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
      "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties({
  SecurityProperties.class,
  ApiProperties.class,
  BodyLimitProperties.class
})
@Import(ReactiveSecurityConfiguration.class)
public class PlatformReactiveAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  ReactiveErrors reactiveErrors(ApiProperties api, JsonMapper json, Clock clock) {
    return new ReactiveErrors(api.resolver(), json, clock);
  }

  @Bean
  PlatformErrorHandler platformErrorHandler(ReactiveErrors errors) {
    return new PlatformErrorHandler(errors);
  }

  @Bean
  RequestIdWebFilter requestIdWebFilter() {
    return new RequestIdWebFilter();
  }

  @Bean
  BodyLimitWebFilter bodyLimitWebFilter(BodyLimitProperties limits, ReactiveErrors errors) {
    // Right after the request id (RequestIdWebFilter), before security.
    return new BodyLimitWebFilter(limits.limits(), errors::write, Ordered.HIGHEST_PRECEDENCE + 1);
  }

  @Bean
  WebFluxConfigurer tenantArguments() {
    return new WebFluxConfigurer() {
      @Override
      public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new TenantArgumentResolver());
      }
    };
  }
}
