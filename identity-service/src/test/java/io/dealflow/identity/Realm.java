package io.dealflow.identity;

import io.dealflow.devstack.Devstack;
import io.dealflow.devstack.Keycloak;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the tests check in Keycloak itself, independently of the service under test: which users
 * exist, and what a token says.
 */
final class Realm {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Realm() {}

  /** The ids of the Keycloak users with exactly this email. */
  static List<String> userIdsWithEmail(String email) {
    Keycloak keycloak = Devstack.keycloak();
    JsonNode users =
        get(
            keycloak.adminApiUri()
                + "/users?exact=true&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8));
    return users.valueStream().map(user -> user.get("id").asString()).toList();
  }

  /** Removes a user the tests created; one already gone is fine. */
  static void deleteUser(UUID id) {
    Keycloak keycloak = Devstack.keycloak();
    send(
        HttpRequest.newBuilder(URI.create(keycloak.adminApiUri() + "/users/" + id))
            .header("Authorization", "Bearer " + serviceToken())
            .DELETE()
            .build());
  }

  /** A token's claims, read without verification (the tests only look). */
  static JsonNode claims(String token) {
    String payload = token.split("\\.")[1];
    return JSON.readTree(
        new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
  }

  static List<String> realmRoles(String token) {
    return claims(token)
        .get("realm_access")
        .get("roles")
        .valueStream()
        .map(JsonNode::asString)
        .toList();
  }

  private static JsonNode get(String uri) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + serviceToken())
                .GET()
                .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Keycloak answered " + response.statusCode() + " for " + uri);
    }
    return JSON.readTree(response.body());
  }

  /** The identity client's service account, which may read and delete users. */
  private static String serviceToken() {
    Keycloak keycloak = Devstack.keycloak();
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(keycloak.identityClientId(), StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(keycloak.identityClientSecret(), StandardCharsets.UTF_8);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(keycloak.tokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    return JSON.readTree(response.body()).get("access_token").asString();
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak is not reachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
