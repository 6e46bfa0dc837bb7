package io.dealflow.devstack.keycloak;

import io.dealflow.devstack.Keycloak;
import io.dealflow.devstack.Source;
import io.dealflow.devstack.support.Probes;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A realm's OpenID discovery document: answering it proves the realm exists, and it states the
 * issuer and endpoints exactly as Keycloak will put them into tokens (which may differ from the URL
 * devstack reached it by, behind a proxy or with a fixed hostname).
 */
record WellKnown(String issuer, String jwksUri, String tokenEndpoint) {

  static Optional<WellKnown> fetch(String baseUrl, String realm, Duration timeout) {
    URI uri = URI.create(baseUrl + "/realms/" + realm + "/.well-known/openid-configuration");
    return Probes.body(uri, timeout).flatMap(WellKnown::parse);
  }

  static Optional<WellKnown> parse(String json) {
    Optional<String> issuer = field(json, "issuer");
    Optional<String> jwks = field(json, "jwks_uri");
    Optional<String> token = field(json, "token_endpoint");
    if (issuer.isEmpty() || jwks.isEmpty() || token.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new WellKnown(issuer.get(), jwks.get(), token.get()));
  }

  Keycloak toKeycloak(String baseUrl, String realm, KeycloakSecrets secrets, Source source) {
    return new Keycloak(
        baseUrl,
        realm,
        issuer,
        jwksUri,
        tokenEndpoint,
        Keycloak.IDENTITY_CLIENT_ID,
        secrets.identityClientSecret(),
        Keycloak.OPS_CLIENT_ID,
        secrets.opsClientSecret(),
        secrets.adminUsername(),
        secrets.adminPassword(),
        secrets.demoPassword(),
        source);
  }

  // The three fields are plain top-level strings; a JSON library in every consumer's classpath is
  // not worth it for them.
  private static Optional<String> field(String json, String name) {
    Matcher matcher =
        Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    return matcher.find() ? Optional.of(matcher.group(1).replace("\\/", "/")) : Optional.empty();
  }
}
