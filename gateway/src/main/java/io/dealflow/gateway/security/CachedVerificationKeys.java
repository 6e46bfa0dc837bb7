package io.dealflow.gateway.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;
import com.nimbusds.jose.proc.JWKSecurityContext;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import java.security.Key;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;

/**
 * Selects the keys that may have signed a token the way Nimbus's {@link JWSVerificationKeySelector}
 * does (the algorithm must be RS256; the keys of the current key set that match the token's header,
 * {@code kid} included), but keeps each key of the set converted to a Java key instead of decoding
 * its modulus and building an {@code RSAPublicKey} for every request (~12 % of the gateway's
 * allocation). The key set itself comes from {@link RealmKeys} on every request, so a key removed
 * from the realm's JWKS stops verifying tokens with the set's next refresh, and a new one is
 * converted on first use. Converted keys are looked up by the JWK's value, never by anything the
 * token says.
 */
final class CachedVerificationKeys extends JWSVerificationKeySelector<JWKSecurityContext> {

  /** More keys than a realm publishes at once; the cache starts over beyond it. */
  static final int MAX_KEYS = 16;

  private final Map<JWK, List<Key>> converted = new ConcurrentHashMap<>();

  CachedVerificationKeys() {
    super(JWSAlgorithm.RS256, new JWKSecurityContextJWKSet());
  }

  @Override
  public List<Key> selectJWSKeys(JWSHeader header, JWKSecurityContext context)
      throws KeySourceException {
    if (!isAllowed(header.getAlgorithm())) {
      return List.of();
    }
    JWKMatcher matcher = createJWKMatcher(header);
    if (matcher == null) {
      return List.of();
    }
    List<Key> keys = new ArrayList<>(1);
    for (JWK jwk : getJWKSource().get(new JWKSelector(matcher), context)) {
      keys.addAll(converted(jwk));
    }
    return keys;
  }

  int size() {
    return converted.size();
  }

  private List<Key> converted(JWK jwk) {
    List<Key> keys = converted.get(jwk);
    if (keys == null) {
      if (converted.size() >= MAX_KEYS) {
        converted.clear();
      }
      keys =
          KeyConverter.toJavaKeys(List.of(jwk)).stream()
              .filter(key -> key instanceof PublicKey || key instanceof SecretKey)
              .toList();
      converted.put(jwk, keys);
    }
    return keys;
  }
}
