package io.dealflow.gateway.web;

import io.dealflow.gateway.GatewayProperties;
import io.dealflow.gateway.route.RouteTable;
import io.dealflow.platform.request.RequestIds;
import io.dealflow.platform.security.DevTokens;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

  /** Response headers a browser script may read: ids, limits, and the seeds' pagination. */
  private static final List<String> EXPOSED_HEADERS =
      List.of(
          RequestIds.HEADER,
          "X-RateLimit-Limit",
          "X-RateLimit-Remaining",
          "X-RateLimit-Reset",
          "Retry-After",
          "Link",
          "X-Total-Count",
          "X-Page-Count",
          "X-Current-Page");

  static {
    // Lets Reactor restore the request id into the MDC on whichever thread runs the request.
    ContextRegistry.getInstance()
        .registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(RequestIds.MDC_KEY));
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  GatewayErrors gatewayErrors(
      RouteTable routes, JsonMapper json, Clock clock, GatewayProperties properties) {
    return new GatewayErrors(routes, json, clock, properties);
  }

  @Bean
  EdgeWebFilter edgeWebFilter(GatewayErrors errors) {
    return new EdgeWebFilter(errors);
  }

  @Bean
  DownstreamCorsHeaders downstreamCorsHeaders() {
    return new DownstreamCorsHeaders();
  }

  @Bean
  CorsConfigurationSource corsConfigurationSource(CorsProperties cors, Environment environment) {
    CorsConfiguration config = new CorsConfiguration();
    if (environment.acceptsProfiles(Profiles.of(DevTokens.DEV_PROFILE))) {
      config.addAllowedOriginPattern(CorsConfiguration.ALL);
      config.addAllowedMethod(CorsConfiguration.ALL);
    } else {
      config.setAllowedOrigins(cors.allowedOrigins());
      config.setAllowedMethods(cors.allowedMethods());
    }
    config.addAllowedHeader(CorsConfiguration.ALL);
    config.setExposedHeaders(EXPOSED_HEADERS);
    config.setAllowCredentials(true);
    config.setMaxAge(cors.maxAge());
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", config);
    return source;
  }
}
