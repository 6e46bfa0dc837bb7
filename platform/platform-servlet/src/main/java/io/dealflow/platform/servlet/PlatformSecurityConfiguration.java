package io.dealflow.platform.servlet;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ErrorKind;
import io.dealflow.platform.security.DealflowClaims;
import io.dealflow.platform.security.DevTokens;
import io.dealflow.platform.security.JwtRules;
import io.dealflow.platform.security.SecurityProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.util.AntPathMatcher;

/**
 * Every MVC service is a stateless OAuth2 resource server: it validates Keycloak tokens itself (the
 * gateway checks too, but is not the only line) and answers 401/403 in the family format.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class PlatformSecurityConfiguration {

  /** Always public: probes, API docs and the error page. */
  private static final List<String> INFRASTRUCTURE_PATHS =
      List.of(
          "/actuator/health/**",
          "/actuator/health",
          "/actuator/info",
          "/actuator/prometheus",
          "/v3/api-docs/**",
          "/swagger-ui/**",
          "/swagger-ui.html",
          "/error");

  @Bean
  @ConditionalOnMissingBean
  JwtDecoder jwtDecoder(SecurityProperties properties, Environment environment) {
    DevTokens.assertAllowed(properties.devToken(), environment);
    NimbusJwtDecoder keycloak = JwtRules.decoder(properties);
    return token ->
        DevTokens.resolve(token, properties.devToken()).orElseGet(() -> keycloak.decode(token));
  }

  /**
   * Public paths ignore the {@code Authorization} header: clients send their (possibly expired)
   * token along with sign-in and refresh calls, and must not be refused before the endpoint that
   * renews it is reached.
   */
  @Bean
  @ConditionalOnMissingBean
  BearerTokenResolver bearerTokenResolver(SecurityProperties properties) {
    DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
    AntPathMatcher matcher = new AntPathMatcher();
    return request -> {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      boolean open = properties.publicPaths().stream().anyMatch(p -> matcher.match(p, path));
      return open ? null : bearer.resolve(request);
    };
  }

  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  SecurityFilterChain platformSecurity(
      HttpSecurity http, SecurityProperties properties, ErrorResponder errors) throws Exception {
    List<String> open = new ArrayList<>(INFRASTRUCTURE_PATHS);
    open.addAll(properties.publicPaths());
    http.csrf(csrf -> csrf.disable())
        .cors(Customizer.withDefaults())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(open.toArray(String[]::new))
                    .permitAll()
                    // Operator endpoints (dead letters, replays, plans) cross organizations: an
                    // organization's admin is no operator. They sit on the management port.
                    .requestMatchers("/actuator/**")
                    .hasRole(DealflowClaims.OPERATOR_ROLE)
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(JwtRules.authenticationConverter()))
                    .authenticationEntryPoint(entryPoint(errors))
                    .accessDeniedHandler(deniedHandler(errors)))
        .exceptionHandling(
            ex ->
                ex.authenticationEntryPoint(entryPoint(errors))
                    .accessDeniedHandler(deniedHandler(errors)));
    return http.build();
  }

  static AuthenticationEntryPoint entryPoint(ErrorResponder errors) {
    return (request, response, failure) -> {
      boolean hadToken = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
      ApiError error;
      if (!hadToken) {
        error = ApiError.of(ErrorKind.UNAUTHENTICATED, "Authentication required");
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      } else if (JwtRules.isExpiry(failure)) {
        error = ApiError.of(ErrorKind.TOKEN_EXPIRED, "The access token has expired");
        response.setHeader(
            HttpHeaders.WWW_AUTHENTICATE,
            "Bearer error=\"invalid_token\", error_description=\"expired\"");
      } else {
        error = ApiError.of(ErrorKind.UNAUTHENTICATED, "The access token is invalid");
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
      }
      errors.write(request, response, error);
    };
  }

  static AccessDeniedHandler deniedHandler(ErrorResponder errors) {
    return (request, response, denied) ->
        errors.write(
            request,
            response,
            ApiError.of(ErrorKind.FORBIDDEN, "You don't have permission to access this resource"));
  }
}
