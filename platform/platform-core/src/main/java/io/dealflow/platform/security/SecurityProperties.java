package io.dealflow.platform.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks tokens ({@code dealflow.security.*}).
 *
 * @param issuerUri the Keycloak realm's issuer, e.g. {@code http://localhost:8180/realms/dealflow}
 * @param jwkSetUri where the signing keys are; derived from the issuer when not set
 * @param audience the audience every token must name
 * @param clockSkew how far past {@code exp} a token is still accepted
 * @param publicPaths paths (Ant patterns) that need no token
 * @param socketPaths WebSocket handshake paths (Ant patterns; WebFlux services), which the HTTP
 *     security filter chain does not see at all: their protocols authenticate the user themselves,
 *     and a socket would otherwise keep the chain's per-request state for its whole life
 * @param devToken HelloSales's literal {@code dev_token}, for local development only
 * @param apiTokens how organizations' API tokens are checked
 */
@ConfigurationProperties("dealflow.security")
public record SecurityProperties(
    String issuerUri,
    @Nullable String jwkSetUri,
    @DefaultValue("dealflow-api") String audience,
    @DefaultValue("30s") Duration clockSkew,
    @DefaultValue List<String> publicPaths,
    @DefaultValue List<String> socketPaths,
    @DefaultValue DevToken devToken,
    @DefaultValue ApiTokenSettings apiTokens) {

  public SecurityProperties {
    if (issuerUri == null || issuerUri.isBlank()) {
      throw new IllegalStateException(
          "dealflow.security.issuer-uri (env DEALFLOW_SECURITY_ISSUER_URI) is not set: it names"
              + " the Keycloak realm whose tokens this service accepts, e.g."
              + " http://localhost:8180/realms/dealflow");
    }
  }

  public String effectiveJwkSetUri() {
    if (jwkSetUri != null && !jwkSetUri.isBlank()) {
      return jwkSetUri;
    }
    return issuerUri.replaceAll("/+$", "") + "/protocol/openid-connect/certs";
  }

  /**
   * The user the literal {@code dev_token} stands for: by default the demo rep of the local realm
   * (devstack's {@code rep@demo.dealflow.local} in "Demo Sales Co"), so that it works the same
   * through the gateway and every service. Accepted only with the {@code dev} profile on; a service
   * refuses to start when it is enabled without it.
   */
  public record DevToken(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("5d0c6a3e-8f1b-4e2a-9c47-1a2b3c4d5e02") String subject,
      @DefaultValue("rep@demo.dealflow.local") String email,
      @DefaultValue("7f3c2a10-0d5e-4c8b-9a51-3e6f1d2b4c01") @Nullable String orgId,
      @DefaultValue("rep") List<String> roles) {}

  /**
   * How API tokens ({@link ApiTokens}) are checked outside identity-service, which issues them.
   *
   * @param introspectionUri where identity-service describes a token; by default its {@value
   *     IdentityApiTokenVerifier#CURRENT_TOKEN_PATH} at the address the service knows it by
   * @param cacheTtl how long an answer is reused: a revoked token is refused everywhere at most
   *     this long after its revocation
   * @param cacheSize how many tokens' answers are kept
   */
  public record ApiTokenSettings(
      @Nullable URI introspectionUri,
      @DefaultValue("5s") Duration cacheTtl,
      @DefaultValue("10000") int cacheSize) {}
}
