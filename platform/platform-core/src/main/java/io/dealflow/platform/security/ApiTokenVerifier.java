package io.dealflow.platform.security;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Answers what an API token grants. identity-service, which issues the tokens, looks them up in its
 * own table; every other service and the gateway ask identity-service ({@link
 * IdentityApiTokenVerifier}).
 */
public interface ApiTokenVerifier {

  /**
   * The grant of a token, or empty when the token is unknown, revoked or expired. Completes
   * exceptionally with {@link ApiTokenUnavailableException} when that cannot be told now.
   */
  CompletableFuture<Optional<ApiTokenGrant>> verify(String token);
}
