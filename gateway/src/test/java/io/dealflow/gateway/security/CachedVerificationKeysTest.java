package io.dealflow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** The gateway's token decoder with converted keys kept: still exactly the realm's current keys. */
class CachedVerificationKeysTest {

  private final AtomicReference<JWKSet> published = new AtomicReference<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private final CachedVerificationKeys keys = new CachedVerificationKeys();
  private DisposableServer jwks;
  private ReactiveJwtDecoder decoder;

  @BeforeEach
  void start() {
    jwks =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(
                routes ->
                    routes.get(
                        "/certs",
                        (request, response) -> {
                          fetches.incrementAndGet();
                          return response
                              .header("Content-Type", "application/json")
                              .sendString(Mono.fromSupplier(() -> published.get().toString(true)));
                        }))
            .bindNow();
    decoder =
        GatewaySecurity.keycloakDecoder(
            "http://127.0.0.1:" + jwks.port() + "/certs", GatewaySecurity.jwksClient(), keys);
  }

  @AfterEach
  void stop() {
    jwks.disposeNow();
  }

  @Test
  void aTokenOfTheRealmsKeyPassesAgainAndAgainWithOneConversion() throws JOSEException {
    RSAKey realm = rsa("realm-1");
    published.set(new JWKSet(realm.toPublicJWK()));
    String token = sign(realm, "realm-1");

    for (int i = 0; i < 3; i++) {
      assertThat(decoder.decode(token).block()).extracting(Jwt::getSubject).isEqualTo("rep");
    }
    assertThat(keys.size()).isEqualTo(1);
    assertThat(fetches).hasValue(1);
  }

  @Test
  void aTokenSignedByAnotherKeyUnderTheRealmsKidIsRefusedAfterTheKeyWasCached()
      throws JOSEException {
    RSAKey realm = rsa("realm-1");
    published.set(new JWKSet(realm.toPublicJWK()));
    decoder.decode(sign(realm, "realm-1")).block();

    String forged = sign(rsa("realm-1"), "realm-1");

    assertThatThrownBy(() -> decoder.decode(forged).block())
        .isInstanceOf(JwtException.class)
        .rootCause()
        .hasMessageContaining("Invalid signature");
  }

  @Test
  void aTokenOfAKeyThatIsNotInTheSetIsRefused() throws JOSEException {
    RSAKey realm = rsa("realm-1");
    published.set(new JWKSet(realm.toPublicJWK()));
    decoder.decode(sign(realm, "realm-1")).block();

    String unknown = sign(rsa("other"), "other");

    assertThatThrownBy(() -> decoder.decode(unknown).block()).isInstanceOf(JwtException.class);
  }

  @Test
  void aRotatedKeyIsPickedUpAndTheRemovedOneNoLongerVerifies() throws JOSEException {
    RSAKey old = rsa("realm-1");
    published.set(new JWKSet(old.toPublicJWK()));
    String oldToken = sign(old, "realm-1");
    decoder.decode(oldToken).block();

    RSAKey rotated = rsa("realm-2");
    published.set(new JWKSet(List.of(rotated.toPublicJWK())));

    assertThat(decoder.decode(sign(rotated, "realm-2")).block())
        .extracting(Jwt::getSubject)
        .isEqualTo("rep");
    assertThat(fetches).hasValue(2);
    assertThatThrownBy(() -> decoder.decode(oldToken).block()).isInstanceOf(JwtException.class);
  }

  private static RSAKey rsa(String kid) throws JOSEException {
    return new RSAKeyGenerator(2048).keyID(kid).generate();
  }

  private static String sign(RSAKey key, String kid) throws JOSEException {
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
            new JWTClaimsSet.Builder()
                .subject("rep")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
