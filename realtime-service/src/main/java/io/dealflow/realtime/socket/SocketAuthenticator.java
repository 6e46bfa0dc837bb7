package io.dealflow.realtime.socket;

import io.dealflow.platform.security.Tenant;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Checks a socket's Keycloak token with the same rules as the HTTP API (the platform's decoder):
 * signature, issuer, audience, expiry.
 */
@Component
public class SocketAuthenticator {

  private final ReactiveJwtDecoder decoder;

  SocketAuthenticator(ReactiveJwtDecoder decoder) {
    this.decoder = decoder;
  }

  /** The token's user, or empty when the token is not valid. */
  public Mono<Tenant> authenticate(String token) {
    if (token.isBlank()) {
      return Mono.empty();
    }
    return decoder.decode(token).map(Tenant::of).onErrorResume(invalid -> Mono.empty());
  }
}
