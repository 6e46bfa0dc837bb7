package io.dealflow.gateway.security;

import io.dealflow.gateway.route.RouteTable;
import io.dealflow.gateway.web.GatewayErrors;
import io.dealflow.platform.security.ApiTokenVerifier;
import io.dealflow.platform.security.ApiTokens;
import io.dealflow.platform.security.DevTokens;
import io.dealflow.platform.security.IdentityApiTokenVerifier;
import io.dealflow.platform.security.JwtRules;
import io.dealflow.platform.security.SecurityProperties;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Bearer tokens at the edge: Keycloak-issued JWTs checked with the suite's {@link JwtRules} (RS256
 * signature by a key of the realm's JWKS, issuer, audience, expiry), realm roles as authorities;
 * organizations' API tokens ({@link ApiTokens}) checked with identity-service. A verified token is
 * kept ({@link VerifiedTokens}) and its claims checked again on each later request instead of its
 * signature; the key set is refreshed on a schedule ({@link RealmKeys}). The services check the
 * same token again; the gateway only spares them traffic that could never pass.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class GatewaySecurity {

  @Bean
  SecurityWebFilterChain gatewaySecurityChain(
      ServerHttpSecurity http,
      ReactiveJwtDecoder decoder,
      RouteTable routes,
      SecurityProperties properties,
      GatewayErrors errors) {
    ServerWebExchangeMatcher publicPaths =
        PublicPaths.matcher(PublicPaths.all(routes, properties.publicPaths()));
    BearerErrors bearerErrors = new BearerErrors(errors);
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
        .requestCache(cache -> cache.disable())
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        // The edge filter sets the security headers on every response, errors included.
        .headers(ServerHttpSecurity.HeaderSpec::disable)
        .cors(Customizer.withDefaults())
        .authorizeExchange(
            exchanges -> exchanges.matchers(publicPaths).permitAll().anyExchange().authenticated())
        .oauth2ResourceServer(
            server ->
                server
                    .bearerTokenConverter(new BearerTokenConverter(publicPaths))
                    .authenticationEntryPoint(bearerErrors)
                    .accessDeniedHandler(bearerErrors)
                    .jwt(
                        jwt ->
                            jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(
                                    new ReactiveJwtAuthenticationConverterAdapter(
                                        JwtRules.authenticationConverter()))))
        .exceptionHandling(
            handling ->
                handling.authenticationEntryPoint(bearerErrors).accessDeniedHandler(bearerErrors))
        .build();
  }

  /**
   * Organizations' API tokens, checked with identity-service (cached for {@code
   * dealflow.security.api-tokens.cache-ttl}) and limited per token like a user.
   */
  @Bean
  ApiTokenVerifier apiTokenVerifier(SecurityProperties properties, Environment environment) {
    return IdentityApiTokenVerifier.of(
        properties, environment, "dealflow.gateway.services.identity.uri");
  }

  /** The realm's key set, refreshed every {@code dealflow.gateway.tokens.key-refresh}. */
  @Bean
  RealmKeys realmKeys(SecurityProperties properties, TokenProperties tokens, Clock clock) {
    return new RealmKeys(jwksClient(), properties.effectiveJwkSetUri(), tokens.keyRefresh(), clock)
        .start();
  }

  @Bean
  ReactiveJwtDecoder jwtDecoder(
      SecurityProperties properties,
      TokenProperties tokens,
      RealmKeys keys,
      Clock clock,
      Environment environment,
      ApiTokenVerifier apiTokens) {
    DevTokens.assertAllowed(properties.devToken(), environment);
    OAuth2TokenValidator<Jwt> rules = JwtRules.validator(properties);
    NimbusReactiveJwtDecoder verifier = keycloakDecoder(keys, new CachedVerificationKeys());
    verifier.setJwtValidator(rules);
    ReactiveJwtDecoder keycloak =
        tokens.cacheSize() > 0
            ? new VerifiedTokens(verifier, rules, keys, tokens.cacheSize(), clock)
            : verifier;
    SecurityProperties.DevToken devToken = properties.devToken();
    ReactiveJwtDecoder decoder = ApiTokens.reactiveDecoder(apiTokens, keycloak);
    return token ->
        DevTokens.resolve(token, devToken).map(Mono::just).orElseGet(() -> decoder.decode(token));
  }

  /**
   * No observations of Spring Security's own steps (its filter chain, each of its filters,
   * authentication, authorization): the HTTP server observation already times every request, and
   * these cost a share of the CPU per request.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  CallerFilter callerFilter() {
    return new CallerFilter();
  }

  /**
   * RS256 tokens signed by a key of the realm's current key set, the keys converted once ({@link
   * CachedVerificationKeys}). Checks the signature only: claims are the validator's part.
   */
  static NimbusReactiveJwtDecoder keycloakDecoder(RealmKeys keys, CachedVerificationKeys selector) {
    return NimbusReactiveJwtDecoder.withJwkSource(keys::keysFor)
        .jwsAlgorithm(SignatureAlgorithm.RS256)
        .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(selector))
        .build();
  }

  /** Keycloak's key set, fetched with timeouts so that a hung Keycloak fails requests quickly. */
  static WebClient jwksClient() {
    HttpClient http =
        HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000)
            .responseTimeout(Duration.ofSeconds(5));
    return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
  }
}
