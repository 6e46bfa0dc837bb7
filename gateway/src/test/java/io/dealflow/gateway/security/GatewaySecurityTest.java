package io.dealflow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealflow.platform.security.ApiTokenVerifier;
import io.dealflow.platform.security.SecurityProperties;
import io.dealflow.platform.security.SecurityProperties.DevToken;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** The gateway's start-up rules for tokens. */
class GatewaySecurityTest {

  private static final String DEMO_ORG = "7f3c2a10-0d5e-4c8b-9a51-3e6f1d2b4c01";

  /** A verifier that knows no API token: these tests are about Keycloak and dev tokens. */
  private static final ApiTokenVerifier NO_API_TOKENS =
      token -> CompletableFuture.completedFuture(Optional.empty());

  @Test
  void refusesToStartWithTheDevTokenOutsideTheDevProfile() {
    MockEnvironment production = new MockEnvironment();
    production.setActiveProfiles("prod");

    assertThatThrownBy(() -> decoder(properties(true), production))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dev-token")
        .hasMessageContaining("'dev' profile");
  }

  @Test
  void acceptsTheDevTokenUnderTheDevProfile() {
    MockEnvironment dev = new MockEnvironment();
    dev.setActiveProfiles("dev");

    Jwt jwt = decoder(properties(true), dev).decode("dev_token").block();

    assertThat(jwt).isNotNull();
    assertThat(jwt.getSubject()).isEqualTo("00000000-0000-0000-0000-0000000000de");
    assertThat(Caller.of(jwt).orgId()).hasToString(DEMO_ORG);
  }

  private static ReactiveJwtDecoder decoder(SecurityProperties properties, MockEnvironment env) {
    GatewaySecurity security = new GatewaySecurity();
    TokenProperties tokens = new TokenProperties(Duration.ofMinutes(1), 100);
    Clock clock = Clock.systemUTC();
    RealmKeys keys =
        new RealmKeys(
            GatewaySecurity.jwksClient(),
            properties.effectiveJwkSetUri(),
            Duration.ofMinutes(1),
            clock);
    return security.jwtDecoder(properties, tokens, keys, clock, env, NO_API_TOKENS);
  }

  private static SecurityProperties properties(boolean devTokenEnabled) {
    return new SecurityProperties(
        "http://127.0.0.1:9/realms/dealflow",
        null,
        "dealflow-api",
        Duration.ZERO,
        List.of(),
        List.of(),
        devToken(devTokenEnabled),
        new SecurityProperties.ApiTokenSettings(null, Duration.ofSeconds(5), 100));
  }

  private static DevToken devToken(boolean enabled) {
    return new DevToken(
        enabled,
        "00000000-0000-0000-0000-0000000000de",
        "dev@dealflow.local",
        DEMO_ORG,
        List.of("rep"));
  }
}
