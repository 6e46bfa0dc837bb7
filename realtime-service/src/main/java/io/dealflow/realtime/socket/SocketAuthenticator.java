package io.dealflow.realtime.socket;

import io.dealflow.platform.security.SecurityProperties;
import io.dealflow.platform.security.Tenant;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Checks a socket's Keycloak token with the same rules as the HTTP API (the platform's decoder):
 * signature, issuer, audience, expiry. What it answers is all a socket keeps of the token: the user
 * and the instant the token stops being valid, never the token or its claims.
 */
@Component
public class SocketAuthenticator {

  /**
   * An authenticated socket user.
   *
   * @param tenant the token's user and organization
   * @param validUntil when the HTTP API stops accepting the same token: its {@code exp} plus the
   *     platform's clock skew ({@code dealflow.security.clock-skew}); a socket authenticated with
   *     it is closed then
   */
  public record SocketUser(Tenant tenant, Instant validUntil) {}

  private final ReactiveJwtDecoder decoder;
  private final Duration clockSkew;

  SocketAuthenticator(ReactiveJwtDecoder decoder, SecurityProperties security) {
    this.decoder = decoder;
    this.clockSkew = security.clockSkew();
  }

  /**
   * The token's user, or empty when the token is not valid. Decoded {@link Detached detached}: the
   * socket keeps no copy of the token, its claims or its signature (about 5 KB).
   */
  public Mono<SocketUser> authenticate(String token) {
    if (token.isBlank()) {
      return Mono.empty();
    }
    return Detached.step(
        () -> decoder.decode(token).map(this::user).onErrorResume(invalid -> Mono.empty()));
  }

  private SocketUser user(Jwt jwt) {
    Instant expiresAt = jwt.getExpiresAt();
    // Keycloak always sets exp; a token the platform's rules accept without one bounds nothing.
    Instant validUntil = expiresAt == null ? Instant.MAX : expiresAt.plus(clockSkew);
    return new SocketUser(Tenant.of(jwt), validUntil);
  }
}
