package io.dealflow.platform.servlet;

import io.dealflow.platform.error.ApiProperties;
import io.dealflow.platform.request.BodyLimitProperties;
import io.dealflow.platform.security.SecurityProperties;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** What every Dealflow MVC service gets by depending on {@code platform-servlet}. */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
      "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({
  SecurityProperties.class,
  ApiProperties.class,
  BodyLimitProperties.class
})
@Import({
  PlatformSecurityConfiguration.class,
  ApiDocumentation.class,
  ApiExceptionHandler.class,
  PlatformErrorController.class
})
public class PlatformServletAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  ErrorResponder errorResponder(ApiProperties api, JsonMapper json, Clock clock) {
    return new ErrorResponder(api.resolver(), json, clock);
  }

  @Bean
  FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
    FilterRegistrationBean<RequestIdFilter> registration =
        new FilterRegistrationBean<>(new RequestIdFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Right after the request id, before security: a body over its limit is never read. */
  @Bean
  FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(
      BodyLimitProperties limits, ErrorResponder errors) {
    FilterRegistrationBean<BodyLimitFilter> registration =
        new FilterRegistrationBean<>(new BodyLimitFilter(limits.limits(), errors));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  WebMvcConfigurer tenantParameters() {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new TenantArgumentResolver());
      }
    };
  }
}
