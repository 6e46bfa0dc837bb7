package io.dealflow.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tokens an attacker could send, built from a genuine one so that only the forged part differs:
 * every service must answer each of them with 401.
 */
public final class ForgedTokens {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

  private ForgedTokens() {}

  /** The genuine claims re-sent with {@code alg: none} and no signature. */
  public static String unsigned(String genuine) {
    String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    return header + "." + genuine.split("\\.")[1] + ".";
  }

  /** The genuine header and signature around a payload that now claims the admin role. */
  public static String tamperedPayload(String genuine) {
    String[] parts = genuine.split("\\.");
    ObjectNode claims = (ObjectNode) claims(genuine);
    claims.putObject("realm_access").putArray("roles").add("admin");
    claims.put("org_id", "00000000-0000-0000-0000-0000000000ff");
    return parts[0] + "." + b64(JSON.writeValueAsString(claims)) + "." + parts[2];
  }

  /**
   * The genuine claims signed with a key the realm never issued, under the realm key's own {@code
   * kid}, as another issuer (or a thief of the kid) would.
   */
  public static String foreignKey(String genuine) {
    try {
      SignedJWT original = SignedJWT.parse(genuine);
      RSAKey foreign = new RSAKeyGenerator(2048).keyID(original.getHeader().getKeyID()).generate();
      SignedJWT forged =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(foreign.getKeyID()).build(),
              JWTClaimsSet.parse(original.getJWTClaimsSet().toJSONObject()));
      forged.sign(new RSASSASigner(foreign));
      return forged.serialize();
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("Could not forge a token", e);
    }
  }

  /** A self-made token claiming to come from another issuer, signed by that issuer's own key. */
  public static String otherIssuer(String genuine) {
    try {
      SignedJWT original = SignedJWT.parse(genuine);
      RSAKey other = new RSAKeyGenerator(2048).keyID("other-issuer").generate();
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder(original.getJWTClaimsSet())
              .issuer("https://login.example.invalid/realms/dealflow")
              .build();
      SignedJWT forged =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(other.getKeyID()).build(), claims);
      forged.sign(new RSASSASigner(other));
      return forged.serialize();
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("Could not forge a token", e);
    }
  }

  public static String garbage() {
    return "garbage.not-a.jwt";
  }

  /** Every forgery of a genuine token, by name, for parameterised refusal tests. */
  public static Map<String, String> all(String genuine) {
    return Map.of(
        "garbage", garbage(),
        "alg none", unsigned(genuine),
        "tampered payload", tamperedPayload(genuine),
        "foreign key", foreignKey(genuine),
        "other issuer", otherIssuer(genuine));
  }

  /** The payload of a token, unverified. */
  public static JsonNode claims(String token) {
    String payload = new String(DECODE.decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    return JSON.readTree(payload);
  }

  private static String b64(String json) {
    return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
