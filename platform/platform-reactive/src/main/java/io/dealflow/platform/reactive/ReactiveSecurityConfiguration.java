package io.dealflow.platform.reactive;

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
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every WebFlux service is a stateless OAuth2 resource server: it validates Keycloak tokens itself
 * with the suite's {@link JwtRules} and answers 401/403 in the family format. Probes and API docs
 * are public, operator endpoints need the admin role. WebSocket handshake paths ({@code
 * dealflow.security.socket-paths}) are left to their protocols, which authenticate the user.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class ReactiveSecurityConfiguration {

  /** Always public: probes, API docs. */
  static final List<String> INFRASTRUCTURE_PATHS =
      List.of(
          "/actuator/health/**",
          "/actuator/health",
          "/actuator/info",
          "/actuator/prometheus",
          "/v3/api-docs/**",
          "/swagger-ui/**",
          "/swagger-ui.html",
          "/webjars/**");

  /** Organizations' API tokens are checked with identity-service, which issues them. */
  @Bean
  @ConditionalOnMissingBean
  ApiTokenVerifier apiTokenVerifier(SecurityProperties properties, Environment environment) {
    return IdentityApiTokenVerifier.of(properties, environment, "dealflow.services.identity.uri");
  }

  /** Keycloak tokens by the suite's {@link JwtRules}; API tokens by their verifier. */
  @Bean
  @ConditionalOnMissingBean
  ReactiveJwtDecoder jwtDecoder(
      SecurityProperties properties, Environment environment, ApiTokenVerifier apiTokens) {
    DevTokens.assertAllowed(properties.devToken(), environment);
    NimbusReactiveJwtDecoder keycloak =
        NimbusReactiveJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    keycloak.setJwtValidator(JwtRules.validator(properties));
    SecurityProperties.DevToken devToken = properties.devToken();
    ReactiveJwtDecoder decoder = ApiTokens.reactiveDecoder(apiTokens, keycloak);
    return token ->
        DevTokens.resolve(token, devToken).map(Mono::just).orElseGet(() -> decoder.decode(token));
  }

  @Bean
  @ConditionalOnMissingBean(SecurityWebFilterChain.class)
  SecurityWebFilterChain platformSecurity(
      ServerHttpSecurity http,
      SecurityProperties properties,
      ReactiveJwtDecoder decoder,
      ReactiveErrors errors) {
    List<String> open = new ArrayList<>(INFRASTRUCTURE_PATHS);
    open.addAll(properties.publicPaths());
    ServerWebExchangeMatcher publicPaths =
        ServerWebExchangeMatchers.pathMatchers(open.toArray(String[]::new));
    ServerAuthenticationEntryPoint entryPoint = entryPoint(errors);
    ServerAccessDeniedHandler denied = deniedHandler(errors);
    if (!properties.socketPaths().isEmpty()) {
      http.securityMatcher(
          new NegatedServerWebExchangeMatcher(
              ServerWebExchangeMatchers.pathMatchers(
                  properties.socketPaths().toArray(String[]::new))));
    }
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.disable())
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .authorizeExchange(
            exchanges ->
                exchanges
                    .matchers(publicPaths)
                    .permitAll()
                    // Operator endpoints (dead letters, replays) cross organizations: an
                    // organization's admin is no operator. They sit on the management port.
                    .pathMatchers("/actuator/**")
                    .hasRole(DealflowClaims.OPERATOR_ROLE)
                    .anyExchange()
                    .authenticated())
        .oauth2ResourceServer(
            server ->
                server
                    .bearerTokenConverter(ignoringPublicPaths(publicPaths))
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(denied)
                    .jwt(
                        jwt ->
                            jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(
                                    new ReactiveJwtAuthenticationConverterAdapter(
                                        JwtRules.authenticationConverter()))))
        .exceptionHandling(
            handling -> handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
        .build();
  }

  /**
   * The bearer token of {@code Authorization}, else an API token in {@value ApiTokens#HEADER}.
   * Public paths ignore both, so that a stale token sent along with a public call is not refused
   * before the endpoint is reached.
   */
  private static ServerAuthenticationConverter ignoringPublicPaths(
      ServerWebExchangeMatcher publicPaths) {
    ServerBearerTokenAuthenticationConverter bearer =
        new ServerBearerTokenAuthenticationConverter();
    return exchange ->
        publicPaths
            .matches(exchange)
            .flatMap(
                match ->
                    match.isMatch()
                        ? Mono.empty()
                        : bearer.convert(exchange).switchIfEmpty(apiKey(exchange)));
  }

  /** An {@value ApiTokens#HEADER} value; one that is no API token is refused as invalid. */
  private static Mono<Authentication> apiKey(ServerWebExchange exchange) {
    String header = exchange.getRequest().getHeaders().getFirst(ApiTokens.HEADER);
    if (header == null) {
      return Mono.empty();
    }
    if (!ApiTokens.looksLike(header.strip())) {
      return Mono.error(
          new InvalidBearerTokenException(
              "The " + ApiTokens.HEADER + " header holds no API token"));
    }
    return Mono.just(new BearerTokenAuthenticationToken(header.strip()));
  }

  static ServerAuthenticationEntryPoint entryPoint(ReactiveErrors errors) {
    return (exchange, failure) -> {
      HttpHeaders request = exchange.getRequest().getHeaders();
      boolean hadToken =
          request.getFirst(HttpHeaders.AUTHORIZATION) != null
              || request.getFirst(ApiTokens.HEADER) != null;
      ApiError error;
      String challenge;
      if (ApiTokenUnavailableException.isCause(failure)) {
        return errors.write(
            exchange,
            ApiError.of(ErrorKind.UNAVAILABLE, "The API token cannot be checked right now"),
            headers -> headers.set(HttpHeaders.RETRY_AFTER, "5"));
      }
      if (!hadToken) {
        error = ApiError.of(ErrorKind.UNAUTHENTICATED, "Authentication required");
        challenge = "Bearer";
      } else if (JwtRules.isExpiry(failure)) {
        error = ApiError.of(ErrorKind.TOKEN_EXPIRED, "The access token has expired");
        challenge = "Bearer error=\"invalid_token\", error_description=\"expired\"";
      } else {
        error = ApiError.of(ErrorKind.UNAUTHENTICATED, "The access token is invalid");
        challenge = "Bearer error=\"invalid_token\"";
      }
      return errors.write(
          exchange, error, headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge));
    };
  }

  static ServerAccessDeniedHandler deniedHandler(ReactiveErrors errors) {
    return (exchange, denied) ->
        errors.write(
            exchange,
            ApiError.of(ErrorKind.FORBIDDEN, "You don't have permission to access this resource"));
  }
}
