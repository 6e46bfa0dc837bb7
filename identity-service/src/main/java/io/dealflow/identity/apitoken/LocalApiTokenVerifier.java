package io.dealflow.identity.apitoken;

import io.dealflow.platform.security.ApiTokenGrant;
import io.dealflow.platform.security.ApiTokenVerifier;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * identity-service checks API tokens in its own table, on every call: a revocation takes effect
 * here at once. (The platform's default asks identity-service over HTTP.)
 */
@Component
class LocalApiTokenVerifier implements ApiTokenVerifier {

  private final ApiTokenRegistry registry;

  LocalApiTokenVerifier(ApiTokenRegistry registry) {
    this.registry = registry;
  }

  @Override
  public CompletableFuture<Optional<ApiTokenGrant>> verify(String token) {
    try {
      return CompletableFuture.completedFuture(registry.verify(token));
    } catch (RuntimeException databaseDown) {
      return CompletableFuture.failedFuture(databaseDown);
    }
  }
}
