package io.dealflow.gateway.security;

import static io.dealflow.gateway.security.PublishedKeys.rsa;
import static io.dealflow.gateway.security.PublishedKeys.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import io.dealflow.gateway.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Verified tokens are kept, but only while their claims hold and the realm's keys are the ones that
 * verified them; the key set is refreshed on its schedule, so a removed key stops being accepted
 * without any token naming an unknown key.
 */
class VerifiedTokensTest {

  private final PublishedKeys jwks = new PublishedKeys();
  private final MovableClock clock = new MovableClock(Instant.now());
  private final AtomicInteger verifications = new AtomicInteger();
  private RealmKeys realm;

  @AfterEach
  void stop() {
    if (realm != null) {
      realm.close();
    }
    jwks.close();
  }

  @Test
  void aKeptTokenIsNotVerifiedAgain() throws JOSEException {
    RSAKey key = rsa("realm-1");
    jwks.publish(key);
    VerifiedTokens tokens = tokens(Duration.ofMinutes(10), 100);
    realm.fetch().block(); // else the first token is kept for "no keys yet" and verified twice
    String token = sign(key, "realm-1");

    for (int i = 0; i < 5; i++) {
      assertThat(tokens.decode(token).block()).extracting(Jwt::getSubject).isEqualTo("rep");
    }

    assertThat(verifications).hasValue(1);
    assertThat(tokens.size()).isEqualTo(1);
  }

  @Test
  void aKeptTokenThatExpiredIsRefusedWithTheExpiry() throws JOSEException {
    RSAKey key = rsa("realm-1");
    jwks.publish(key);
    VerifiedTokens tokens = tokens(Duration.ofMinutes(10), 100);
    String token = sign(key, "realm-1", "rep", Duration.ofMinutes(5));
    tokens.decode(token).block();

    clock.advance(Duration.ofMinutes(6));

    assertThatThrownBy(() -> tokens.decode(token).block())
        .isInstanceOf(JwtException.class)
        .hasMessageContaining("expired");
    assertThat(verifications).hasValue(2);
  }

  @Test
  void forgedTokensAreVerifiedAndRefusedEveryTimeAndNeverKept() throws JOSEException {
    jwks.publish(rsa("realm-1"));
    VerifiedTokens tokens = tokens(Duration.ofMinutes(10), 100);
    String forged = sign(rsa("realm-1"), "realm-1");

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> tokens.decode(forged).block()).isInstanceOf(JwtException.class);
    }

    assertThat(verifications).hasValue(3);
    assertThat(tokens.size()).isZero();
  }

  @Test
  void atMostTheConfiguredNumberOfTokensIsKept() throws JOSEException {
    RSAKey key = rsa("realm-1");
    jwks.publish(key);
    VerifiedTokens tokens = tokens(Duration.ofMinutes(10), 3);

    for (int i = 0; i < 10; i++) {
      tokens.decode(sign(key, "realm-1", "rep-" + i, Duration.ofMinutes(5))).block();
    }

    assertThat(tokens.size()).isLessThanOrEqualTo(3);
  }

  @Test
  void aKeyRemovedFromTheRealmIsRefusedWithinTheRefreshIntervalThoughTokensStillNameIt()
      throws Exception {
    RSAKey removed = rsa("realm-1");
    RSAKey staying = rsa("realm-2");
    jwks.publish(removed, staying);
    VerifiedTokens tokens = tokens(Duration.ofMillis(300), 100);
    realm.start();
    String ofRemoved = sign(removed, "realm-1");
    String ofStaying = sign(staying, "realm-2");
    tokens.decode(ofRemoved).block();
    tokens.decode(ofStaying).block();

    jwks.publish(staying);

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (accepted(tokens, ofRemoved) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(accepted(tokens, ofRemoved)).isFalse();
    assertThat(accepted(tokens, ofStaying)).isTrue();
    assertThat(jwks.fetches()).isGreaterThan(1);
  }

  @Test
  void whileTheRealmCannotBeReachedTheKeysHeldStayInUse() throws JOSEException {
    RSAKey key = rsa("realm-1");
    jwks.publish(key);
    VerifiedTokens tokens = tokens(Duration.ofMinutes(10), 100);
    tokens.decode(sign(key, "realm-1")).block();

    jwks.becomeUnavailable();
    assertThatThrownBy(() -> realm.fetch().block()).hasMessageContaining("503");

    assertThat(tokens.decode(sign(key, "realm-1", "another", Duration.ofMinutes(5))).block())
        .extracting(Jwt::getSubject)
        .isEqualTo("another");
  }

  @Test
  void aKeyAddedRightAfterAFetchIsFetchedAfterAShortPauseNotRefused() throws JOSEException {
    RSAKey first = rsa("realm-1");
    jwks.publish(first);
    VerifiedTokens tokens = tokens(Duration.ofMinutes(10), 100);
    tokens.decode(sign(first, "realm-1")).block();

    RSAKey added = rsa("realm-2");
    jwks.publish(first, added);
    String token = sign(added, "realm-2");
    String invented = sign(rsa("invented"), "invented");

    assertThat(tokens.decode(token).block()).extracting(Jwt::getSubject).isEqualTo("rep");
    assertThatThrownBy(() -> tokens.decode(invented).block()).isInstanceOf(JwtException.class);
    assertThatThrownBy(() -> tokens.decode(invented).block()).isInstanceOf(JwtException.class);
    // One fetch at the start, one for the added key, at most one per second for the invented one.
    assertThat(jwks.fetches()).isBetween(3, 4);
  }

  private VerifiedTokens tokens(Duration refresh, int size) {
    realm = new RealmKeys(GatewaySecurity.jwksClient(), jwks.uri(), refresh, Clock.systemUTC());
    JwtTimestampValidator rules = new JwtTimestampValidator(Duration.ofSeconds(30));
    rules.setClock(clock);
    NimbusReactiveJwtDecoder verifier =
        GatewaySecurity.keycloakDecoder(realm, new CachedVerificationKeys());
    verifier.setJwtValidator(rules);
    ReactiveJwtDecoder counted =
        token ->
            Mono.defer(
                () -> {
                  verifications.incrementAndGet();
                  return verifier.decode(token);
                });
    return new VerifiedTokens(counted, rules, realm, size, clock);
  }

  private static boolean accepted(VerifiedTokens tokens, String token) {
    try {
      return tokens.decode(token).block() != null;
    } catch (JwtException refused) {
      return false;
    }
  }
}
