package io.dealflow.platform.servlet;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ErrorKind;
import io.dealflow.platform.security.ApiTokenUnavailableException;
import io.dealflow.platform.security.ApiTokenVerifier;
import io.dealflow.platform.security.ApiTokens;
import io.dealflow.platform.security.DealflowClaims;
import io.dealflow.platform.security.DevTokens;
import io.dealflow.platform.security.IdentityApiTokenVerifier;
import io.dealflow.platform.security.JwtRules;
import io.dealflow.platform.security.SecurityProperties;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
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

  /**
   * Organizations' API tokens are checked with identity-service, which issues them
   * (identity-service itself replaces this with its own table).
   */
  @Bean
  @ConditionalOnMissingBean
  ApiTokenVerifier apiTokenVerifier(SecurityProperties properties, Environment environment) {
    return IdentityApiTokenVerifier.of(properties, environment, "dealflow.services.identity.uri");
  }

  /** Keycloak tokens by the suite's {@link JwtRules}; API tokens by their verifier. */
  @Bean
  @ConditionalOnMissingBean
  JwtDecoder jwtDecoder(
      SecurityProperties properties, Environment environment, ApiTokenVerifier apiTokens) {
    DevTokens.assertAllowed(properties.devToken(), environment);
    NimbusJwtDecoder keycloak = JwtRules.decoder(properties);
    JwtDecoder decoder = ApiTokens.decoder(apiTokens, keycloak);
    return token ->
        DevTokens.resolve(token, properties.devToken()).orElseGet(() -> decoder.decode(token));
  }

  /**
   * The bearer token of {@code Authorization}, else an API token in {@value ApiTokens#HEADER}.
   * Public paths ignore both: clients send their (possibly expired) token along with sign-in and
   * refresh calls, and must not be refused before the endpoint that renews it is reached.
   */
  @Bean
  @ConditionalOnMissingBean
  BearerTokenResolver bearerTokenResolver(SecurityProperties properties) {
    DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
    AntPathMatcher matcher = new AntPathMatcher();
    return request -> {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      boolean open = properties.publicPaths().stream().anyMatch(p -> matcher.match(p, path));
      if (open) {
        return null;
      }
      String token = bearer.resolve(request);
      return token != null ? token : apiKey(request.getHeader(ApiTokens.HEADER));
    };
  }

  /** An {@value ApiTokens#HEADER} value; one that is no API token is refused as invalid. */
  private static @Nullable String apiKey(@Nullable String header) {
    if (header == null) {
      return null;
    }
    if (!ApiTokens.looksLike(header.strip())) {
      throw new InvalidBearerTokenException(
          "The " + ApiTokens.HEADER + " header holds no API token");
    }
    return header.strip();
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
      boolean hadToken =
          request.getHeader(HttpHeaders.AUTHORIZATION) != null
              || request.getHeader(ApiTokens.HEADER) != null;
      ApiError error;
      if (ApiTokenUnavailableException.isCause(failure)) {
        error = ApiError.of(ErrorKind.UNAVAILABLE, "The API token cannot be checked right now");
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
      } else if (!hadToken) {
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
