package io.dealflow.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway keeps what it learned about tokens ({@code dealflow.gateway.tokens.*}).
 *
 * @param keyRefresh how often the realm's key set is fetched again: a key removed in Keycloak stops
 *     being accepted within this time ({@link RealmKeys})
 * @param cacheSize how many verified tokens are kept by their exact text so that they are not
 *     verified again on every request ({@link VerifiedTokens}); 0 verifies every request
 */
@ConfigurationProperties("dealflow.gateway.tokens")
public record TokenProperties(
    @DefaultValue("1m") Duration keyRefresh, @DefaultValue("10000") int cacheSize) {

  public TokenProperties {
    if (keyRefresh.isNegative() || keyRefresh.isZero()) {
      throw new IllegalArgumentException("dealflow.gateway.tokens.key-refresh must be positive");
    }
    if (cacheSize < 0) {
      throw new IllegalArgumentException("dealflow.gateway.tokens.cache-size must be 0 or more");
    }
  }
}
