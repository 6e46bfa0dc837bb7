package io.dealflow.platform.test;

import io.dealflow.devstack.Devstack;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real tokens from the realm's Keycloak: for the demo users, for any user by password, and
 * short-lived ones for expiry tests (through a public test client whose access tokens live two
 * seconds, created on first use).
 */
public final class KeycloakTokens {

  public static final String DEMO_ADMIN = "admin@demo.dealflow.local";
  public static final String DEMO_REP = "rep@demo.dealflow.local";
  public static final String DEMO_ORG_ID = "7f3c2a10-0d5e-4c8b-9a51-3e6f1d2b4c01";

  private static final String SHORT_LIVED_CLIENT = "dealflow-test-short-lived";
  private static final int SHORT_LIFESPAN_SECONDS = 2;
  private static final String SUBJECT_SCOPE = "basic";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static boolean shortLivedClientExists;

  private KeycloakTokens() {}

  public static String demoAdmin() {
    return password(DEMO_ADMIN, Devstack.keycloak().demoPassword());
  }

  public static String demoRep() {
    return password(DEMO_REP, Devstack.keycloak().demoPassword());
  }

  /**
   * An operator's token: the {@code dealflow-ops} service account, which holds the {@code operator}
   * realm role (dead letters, replays, plans on the management ports) and belongs to no
   * organization.
   */
  public static String operator() {
    var keycloak = Devstack.keycloak();
    return grant(
            Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                keycloak.opsClientId(),
                "client_secret",
                keycloak.opsClientSecret()))
        .get("access_token")
        .asString();
  }

  /** An access token by the password grant through the identity client. */
  public static String password(String username, String password) {
    var keycloak = Devstack.keycloak();
    return grant(
            Map.of(
                "grant_type",
                "password",
                "client_id",
                keycloak.identityClientId(),
                "client_secret",
                keycloak.identityClientSecret(),
                "username",
                username,
                "password",
                password,
                "scope",
                "openid"))
        .get("access_token")
        .asString();
  }

  /**
   * A genuine token of the realm that has already expired when this returns (it waits out the
   * token's two-second life). Services under test must run with a clock skew below one second for
   * it to be refused.
   */
  public static String expired(String username, String password) {
    String token = shortLivedGrant(username, password);
    long expiresAt = ForgedTokens.claims(token).get("exp").asLong();
    long waitMillis = (expiresAt + 1) * 1000 - Instant.now().toEpochMilli();
    sleep(Math.max(0, waitMillis));
    return token;
  }

  /**
   * A genuine token of the realm that expires about two seconds after this returns (requested just
   * after a second begins, as {@code exp} counts whole seconds), for tests of what happens when a
   * token in use expires. Services under test must run with a clock skew of zero.
   */
  public static String shortLived(String username, String password) {
    ensureShortLivedClient();
    sleep(1050 - Instant.now().toEpochMilli() % 1000);
    return shortLivedGrant(username, password);
  }

  private static String shortLivedGrant(String username, String password) {
    ensureShortLivedClient();
    return grant(
            Map.of(
                "grant_type", "password",
                "client_id", SHORT_LIVED_CLIENT,
                "username", username,
                "password", password,
                "scope", "openid"))
        .get("access_token")
        .asString();
  }

  private static synchronized void ensureShortLivedClient() {
    if (shortLivedClientExists) {
      return;
    }
    var keycloak = Devstack.keycloak();
    String admin = adminToken();
    String clients = keycloak.baseUrl() + "/admin/realms/" + keycloak.realm() + "/clients";
    HttpResponse<String> existing =
        send(
            HttpRequest.newBuilder(URI.create(clients + "?clientId=" + SHORT_LIVED_CLIENT))
                .header("Authorization", "Bearer " + admin)
                .GET()
                .build());
    JsonNode found = JSON.readTree(existing.body());
    if (!found.isEmpty()) {
      addSubjectScope(found.get(0), clients, admin);
      shortLivedClientExists = true;
      return;
    }
    Map<String, Object> client = new LinkedHashMap<>();
    client.put("clientId", SHORT_LIVED_CLIENT);
    client.put("publicClient", true);
    client.put("directAccessGrantsEnabled", true);
    client.put("standardFlowEnabled", false);
    client.put(
        "attributes", Map.of("access.token.lifespan", Integer.toString(SHORT_LIFESPAN_SECONDS)));
    client.put(
        "defaultClientScopes",
        List.of(
            SUBJECT_SCOPE,
            "dealflow-api-audience",
            "dealflow-tenancy",
            "roles",
            "profile",
            "email"));
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(URI.create(clients))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client)))
                .build());
    if (created.statusCode() != 201 && created.statusCode() != 409) {
      throw new IllegalStateException(
          "Could not create the short-lived test client: "
              + created.statusCode()
              + " "
              + created.body());
    }
    shortLivedClientExists = true;
  }

  /**
   * Gives a client made before its tokens carried a subject the realm's {@code basic} scope, which
   * puts {@code sub} in the token (services refuse a token without one).
   */
  private static void addSubjectScope(JsonNode client, String clients, String admin) {
    for (JsonNode scope : client.path("defaultClientScopes")) {
      if (SUBJECT_SCOPE.equals(scope.asString())) {
        return;
      }
    }
    var keycloak = Devstack.keycloak();
    String scopes = keycloak.baseUrl() + "/admin/realms/" + keycloak.realm() + "/client-scopes";
    JsonNode all =
        JSON.readTree(
            send(HttpRequest.newBuilder(URI.create(scopes))
                    .header("Authorization", "Bearer " + admin)
                    .GET()
                    .build())
                .body());
    for (JsonNode scope : all) {
      if (SUBJECT_SCOPE.equals(scope.path("name").asString())) {
        HttpResponse<String> added =
            send(
                HttpRequest.newBuilder(
                        URI.create(
                            clients
                                + "/"
                                + client.path("id").asString()
                                + "/default-client-scopes/"
                                + scope.path("id").asString()))
                    .header("Authorization", "Bearer " + admin)
                    .PUT(HttpRequest.BodyPublishers.noBody())
                    .build());
        if (added.statusCode() / 100 != 2) {
          throw new IllegalStateException(
              "Could not give the short-lived test client the basic scope: "
                  + added.statusCode()
                  + " "
                  + added.body());
        }
        return;
      }
    }
  }

  static String adminToken() {
    var keycloak = Devstack.keycloak();
    String uri = keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token";
    return form(
            uri,
            Map.of(
                "grant_type",
                "password",
                "client_id",
                "admin-cli",
                "username",
                keycloak.adminUsername(),
                "password",
                keycloak.adminPassword()))
        .get("access_token")
        .asString();
  }

  private static JsonNode grant(Map<String, String> parameters) {
    return form(Devstack.keycloak().tokenUri(), parameters);
  }

  private static JsonNode form(String uri, Map<String, String> parameters) {
    String body =
        parameters.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Keycloak refused the grant at "
              + uri
              + ": "
              + response.statusCode()
              + " "
              + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak is not reachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
