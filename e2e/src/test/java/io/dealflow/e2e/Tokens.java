package io.dealflow.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/** Reads a token's claims the way a frontend would: without verifying it. */
final class Tokens {

  private Tokens() {}

  static JsonNode claims(String token) {
    byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
    return Http.JSON.readTree(new String(payload, StandardCharsets.UTF_8));
  }

  static String claim(String token, String name) {
    JsonNode value = claims(token).get(name);
    return value == null ? "" : value.asString();
  }
}
