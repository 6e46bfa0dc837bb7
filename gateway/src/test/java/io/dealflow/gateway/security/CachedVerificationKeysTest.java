package io.dealflow.gateway.security;

import static io.dealflow.gateway.security.PublishedKeys.rsa;
import static io.dealflow.gateway.security.PublishedKeys.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** The gateway's token decoder with converted keys kept: still exactly the realm's current keys. */
class CachedVerificationKeysTest {

  private final CachedVerificationKeys keys = new CachedVerificationKeys();
  private PublishedKeys jwks;
  private RealmKeys realm;
  private ReactiveJwtDecoder decoder;

  @BeforeEach
  void start() {
    jwks = new PublishedKeys();
    realm =
        new RealmKeys(
            GatewaySecurity.jwksClient(), jwks.uri(), Duration.ofMinutes(10), Clock.systemUTC());
    decoder = GatewaySecurity.keycloakDecoder(realm, keys);
  }

  @AfterEach
  void stop() {
    realm.close();
    jwks.close();
  }

  @Test
  void aTokenOfTheRealmsKeyPassesAgainAndAgainWithOneConversion() throws JOSEException {
    RSAKey key = rsa("realm-1");
    jwks.publish(key);
    String token = sign(key, "realm-1");

    for (int i = 0; i < 3; i++) {
      assertThat(decoder.decode(token).block()).extracting(Jwt::getSubject).isEqualTo("rep");
    }
    assertThat(keys.size()).isEqualTo(1);
    assertThat(jwks.fetches()).isEqualTo(1);
  }

  @Test
  void aTokenSignedByAnotherKeyUnderTheRealmsKidIsRefusedAfterTheKeyWasCached()
      throws JOSEException {
    RSAKey key = rsa("realm-1");
    jwks.publish(key);
    decoder.decode(sign(key, "realm-1")).block();

    String forged = sign(rsa("realm-1"), "realm-1");

    assertThatThrownBy(() -> decoder.decode(forged).block())
        .isInstanceOf(JwtException.class)
        .rootCause()
        .hasMessageContaining("Invalid signature");
  }

  @Test
  void aTokenOfAKeyThatIsNotInTheSetIsRefused() throws JOSEException {
    RSAKey key = rsa("realm-1");
    jwks.publish(key);
    decoder.decode(sign(key, "realm-1")).block();

    String unknown = sign(rsa("other"), "other");

    assertThatThrownBy(() -> decoder.decode(unknown).block()).isInstanceOf(JwtException.class);
  }

  @Test
  void aRotatedKeyIsPickedUpAndTheRemovedOneNoLongerVerifies() throws JOSEException {
    RSAKey old = rsa("realm-1");
    jwks.publish(old);
    String oldToken = sign(old, "realm-1");
    decoder.decode(oldToken).block();

    RSAKey rotated = rsa("realm-2");
    jwks.publish(rotated);

    assertThat(decoder.decode(sign(rotated, "realm-2")).block())
        .extracting(Jwt::getSubject)
        .isEqualTo("rep");
    assertThat(jwks.fetches()).isEqualTo(2);
    assertThatThrownBy(() -> decoder.decode(oldToken).block()).isInstanceOf(JwtException.class);
  }
}
