package io.dealflow.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.oauth2.jwt.Jwt;

/** HelloSales's development token: the literal {@code dev_token}, only under the dev profile. */
public final class DevTokens {

  public static final String LITERAL = "dev_token";
  public static final String DEV_PROFILE = "dev";

  private DevTokens() {}

  /**
   * Fails fast when the dev token is switched on outside the {@code dev} profile: a production
   * service must never accept a fixed token.
   */
  public static void assertAllowed(SecurityProperties.DevToken devToken, Environment environment) {
    if (devToken.enabled() && !environment.acceptsProfiles(Profiles.of(DEV_PROFILE))) {
      throw new IllegalStateException(
          "dealflow.security.dev-token.enabled=true is only allowed with the 'dev' profile"
              + " active; active profiles: "
              + List.of(environment.getActiveProfiles()));
    }
  }

  /** The token {@code dev_token} stands for, when it is enabled and this is that token. */
  public static Optional<Jwt> resolve(String token, SecurityProperties.DevToken devToken) {
    if (!devToken.enabled() || !LITERAL.equals(token)) {
      return Optional.empty();
    }
    Instant now = Instant.now();
    Jwt.Builder jwt =
        Jwt.withTokenValue(token)
            .header("alg", "none")
            .subject(devToken.subject())
            .issuedAt(now)
            .expiresAt(now.plusSeconds(3600))
            .claim(DealflowClaims.EMAIL, devToken.email())
            .claim(DealflowClaims.REALM_ACCESS, Map.of("roles", devToken.roles()));
    if (devToken.orgId() != null) {
      jwt.claim(DealflowClaims.ORG_ID, devToken.orgId())
          .claim(DealflowClaims.ORG_IDS, List.of(devToken.orgId()));
    }
    return Optional.of(jwt.build());
  }
}
