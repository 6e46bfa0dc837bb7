package io.dealflow.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Tokens whose signature was verified, kept by their exact text so that the next request with the
 * same token skips the RSA verification (most of a request's cost at the edge). A kept token is
 * accepted again only if the claim rules still pass right now (expiry and not-before included) and
 * the realm's key set has not changed since it was verified ({@link RealmKeys#generation()}); when
 * the set changes, every kept token is dropped, so a key removed from the realm stops being
 * accepted with the set's next refresh. Only tokens that passed are kept: a forged or expired token
 * is verified (and refused) every time.
 *
 * <p>At most {@code maximumSize} tokens are kept (least used first out), each no longer than until
 * its expiry.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

  private record Verified(Jwt jwt, long generation) {}

  private final ReactiveJwtDecoder verifier;
  private final OAuth2TokenValidator<Jwt> rules;
  private final RealmKeys keys;
  private final Cache<String, Verified> kept;

  /**
   * @param verifier checks the signature and the claim rules of a token not kept
   * @param rules the claim rules, applied again to every kept token
   */
  VerifiedTokens(
      ReactiveJwtDecoder verifier,
      OAuth2TokenValidator<Jwt> rules,
      RealmKeys keys,
      int maximumSize,
      Clock clock) {
    this.verifier = verifier;
    this.rules = rules;
    this.keys = keys;
    this.kept =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .expireAfter(
                Expiry.<String, Verified>creating(
                    (token, verified) -> lifetime(verified.jwt(), clock)))
            // Maintenance on the calling thread: no hand-off to another pool per request.
            .executor(Runnable::run)
            .build();
    keys.onChange(kept::invalidateAll);
  }

  @Override
  public Mono<Jwt> decode(String token) throws JwtException {
    Verified verified = kept.getIfPresent(token);
    if (verified != null
        && verified.generation() == keys.generation()
        && !rules.validate(verified.jwt()).hasErrors()) {
      return Mono.just(verified.jwt());
    }
    if (verified != null) {
      kept.invalidate(token);
    }
    long generation = keys.generation();
    return verifier.decode(token).doOnNext(jwt -> kept.put(token, new Verified(jwt, generation)));
  }

  long size() {
    kept.cleanUp();
    return kept.estimatedSize();
  }

  private static Duration lifetime(Jwt jwt, Clock clock) {
    Instant expiresAt = jwt.getExpiresAt();
    if (expiresAt == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), expiresAt);
    return left.isNegative() ? Duration.ZERO : left;
  }
}
