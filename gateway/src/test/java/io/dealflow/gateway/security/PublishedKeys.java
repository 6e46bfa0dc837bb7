package io.dealflow.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A realm's JWKS endpoint on loopback, publishing the keys a test chooses (as Keycloak's {@code
 * /protocol/openid-connect/certs} does), and tokens signed by such keys.
 */
final class PublishedKeys implements AutoCloseable {

  private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet());
  private final AtomicInteger fetches = new AtomicInteger();
  private final AtomicBoolean unavailable = new AtomicBoolean();
  private final DisposableServer server;

  PublishedKeys() {
    server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(
                routes ->
                    routes.get(
                        "/certs",
                        (request, response) -> {
                          fetches.incrementAndGet();
                          if (unavailable.get()) {
                            return response.status(503).send();
                          }
                          return response
                              .header("Content-Type", "application/json")
                              .sendString(Mono.fromSupplier(() -> published.get().toString(true)));
                        }))
            .bindNow();
  }

  String uri() {
    return "http://127.0.0.1:" + server.port() + "/certs";
  }

  /** Publishes exactly these keys (their public halves) from now on. */
  void publish(RSAKey... keys) {
    published.set(new JWKSet(List.<JWK>of(keys).stream().map(JWK::toPublicJWK).toList()));
  }

  /** From now on the endpoint answers 503, as Keycloak does while it starts. */
  void becomeUnavailable() {
    unavailable.set(true);
  }

  int fetches() {
    return fetches.get();
  }

  @Override
  public void close() {
    server.disposeNow();
  }

  static RSAKey rsa(String kid) throws JOSEException {
    return new RSAKeyGenerator(2048).keyID(kid).generate();
  }

  /** A token of the subject {@code rep}, valid for five minutes. */
  static String sign(RSAKey key, String kid) throws JOSEException {
    return sign(key, kid, "rep", Duration.ofMinutes(5));
  }

  static String sign(RSAKey key, String kid, String subject, Duration validFor)
      throws JOSEException {
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
            new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validFor)))
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
