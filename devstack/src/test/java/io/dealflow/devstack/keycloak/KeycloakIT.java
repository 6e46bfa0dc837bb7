package io.dealflow.devstack.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real Keycloak (started by devstack unless one runs already) with the realm from the repo. */
class KeycloakIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Keycloak keycloak = Devstack.keycloak();

  @Test
  void realmIsImportedAndAnnouncesItsIssuer() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(keycloak.issuerUri() + "/.well-known/openid-configuration"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode discovery = JSON.readTree(response.body());
    assertThat(discovery.path("issuer").asString()).isEqualTo(keycloak.issuerUri());
    assertThat(discovery.path("jwks_uri").asString()).isEqualTo(keycloak.jwkSetUri());
    assertThat(keycloak.realm()).isEqualTo("dealflow");
    assertThat(keycloak.identityClientId()).isEqualTo("dealflow-identity");
  }

  @Test
  void demoAdminLogsInWithThePasswordGrantAndGetsADealflowToken() throws Exception {
    JsonNode claims =
        accessTokenClaims(passwordGrant(Keycloak.DEMO_ADMIN_EMAIL, keycloak.demoPassword()));

    assertThat(audience(claims)).contains("dealflow-api");
    assertThat(claims.path("iss").asString()).isEqualTo(keycloak.issuerUri());
    assertThat(claims.path("org_id").asString()).isEqualTo(Keycloak.DEMO_ORGANIZATION_ID);
    assertThat(claims.path("org_ids").isArray()).isTrue();
    assertThat(claims.path("org_roles").path(Keycloak.DEMO_ORGANIZATION_ID).asString())
        .isEqualTo("admin");
    assertThat(claims.path("org_plan").asString()).isEqualTo("starter");
    assertThat(strings(claims.path("org_ids"))).containsExactly(Keycloak.DEMO_ORGANIZATION_ID);
    assertThat(strings(claims.path("realm_access").path("roles"))).contains("admin");
    assertThat(claims.path("email").asString()).isEqualTo(Keycloak.DEMO_ADMIN_EMAIL);
    assertThat(claims.path("sub").asString()).isEqualTo(Keycloak.DEMO_ADMIN_USER_ID);
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(1800);
  }

  @Test
  void demoRepIsNoAdmin() throws Exception {
    JsonNode claims =
        accessTokenClaims(passwordGrant(Keycloak.DEMO_REP_EMAIL, keycloak.demoPassword()));

    assertThat(strings(claims.path("realm_access").path("roles")))
        .contains("rep")
        .doesNotContain("admin");
  }

  /** Keycloak 26.7 answers 400 (RFC 6749 5.2), not 401: identity-service maps it to its own 401. */
  @Test
  void wrongPasswordIsRefusedAsInvalidGrant() throws Exception {
    HttpResponse<String> response =
        tokenRequest(
            Map.of(
                "grant_type", "password",
                "username", Keycloak.DEMO_ADMIN_EMAIL,
                "password", "not-the-password"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("invalid_grant");
    assertThat(JSON.readTree(response.body()).path("error_description").asString())
        .isEqualTo("Invalid user credentials");
  }

  @Test
  void serviceAccountListsUsersThroughTheAdminApi() throws Exception {
    HttpResponse<String> response =
        admin("GET", "/users?exact=true&username=" + encode(Keycloak.DEMO_ADMIN_EMAIL), null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode users = JSON.readTree(response.body());
    assertThat(users).hasSize(1);
    assertThat(users.get(0).path("email").asString()).isEqualTo(Keycloak.DEMO_ADMIN_EMAIL);
  }

  @Test
  void userCreatedThroughTheAdminApiKeepsItsOrganizationsRoleAndPassword() throws Exception {
    String email = "devstack-it-" + UUID.randomUUID() + "@example.test";
    String orgA = UUID.randomUUID().toString();
    String orgB = UUID.randomUUID().toString();
    String user =
        """
        {"username":"%s","email":"%s","firstName":"Iris","lastName":"Test","enabled":true,
         "emailVerified":true,"attributes":{"org_id":["%s"],"org_ids":["%s","%s"],
         "org_roles":["{\\"%s\\":\\"manager\\",\\"%s\\":\\"rep\\"}"],"org_plan":["pro"]},
         "credentials":[{"type":"password","value":"it-password-1","temporary":false}]}
        """
            .formatted(email, email, orgA, orgA, orgB, orgA, orgB);
    HttpResponse<String> created = admin("POST", "/users", user);
    assertThat(created.statusCode()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    String userPath = location.substring(location.indexOf("/users/"));
    try {
      HttpResponse<String> role = admin("GET", "/roles/manager", null);
      assertThat(role.statusCode()).isEqualTo(200);
      assertThat(
              admin("POST", userPath + "/role-mappings/realm", "[" + role.body() + "]")
                  .statusCode())
          .isEqualTo(204);

      JsonNode claims = accessTokenClaims(passwordGrant(email, "it-password-1"));

      assertThat(claims.path("org_id").asString()).isEqualTo(orgA);
      assertThat(strings(claims.path("org_ids"))).containsExactlyInAnyOrder(orgA, orgB);
      assertThat(strings(claims.path("realm_access").path("roles"))).contains("manager");
      assertThat(audience(claims)).contains("dealflow-api");
      assertThat(claims.path("org_roles").isObject()).as(claims.toString()).isTrue();
      assertThat(claims.path("org_roles").path(orgA).asString()).isEqualTo("manager");
      assertThat(claims.path("org_roles").path(orgB).asString()).isEqualTo("rep");
      assertThat(claims.path("org_plan").asString()).isEqualTo("pro");
    } finally {
      admin("DELETE", userPath, null);
    }
  }

  @Test
  void theOpsServiceAccountIsAnOperatorOfNoOrganization() throws Exception {
    HttpResponse<String> grant =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(keycloak.tokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id="
                            + encode(keycloak.opsClientId())
                            + "&client_secret="
                            + encode(keycloak.opsClientSecret())))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    JsonNode claims = accessTokenClaims(grant);
    assertThat(strings(claims.path("realm_access").path("roles"))).contains("operator");
    assertThat(audience(claims)).contains("dealflow-api");
    assertThat(claims.has("org_id")).isFalse();
    assertThat(
            strings(
                accessTokenClaims(passwordGrant(Keycloak.DEMO_ADMIN_EMAIL, keycloak.demoPassword()))
                    .path("realm_access")
                    .path("roles")))
        .doesNotContain("operator");
  }

  @Test
  void aRefreshTokenWorksOnce() throws Exception {
    HttpResponse<String> signedIn = passwordGrant(Keycloak.DEMO_REP_EMAIL, keycloak.demoPassword());
    String refresh = JSON.readTree(signedIn.body()).path("refresh_token").asString();

    HttpResponse<String> first =
        tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", refresh));
    HttpResponse<String> reused =
        tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", refresh));

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(reused.statusCode()).as(reused.body()).isEqualTo(400);
    assertThat(JSON.readTree(reused.body()).path("error").asString()).isEqualTo("invalid_grant");
  }

  @Test
  void theIdentityClientExchangesALiveAccessTokenButNotOneWhoseSessionEnded() throws Exception {
    HttpResponse<String> signedIn = passwordGrant(Keycloak.DEMO_REP_EMAIL, keycloak.demoPassword());
    String access = JSON.readTree(signedIn.body()).path("access_token").asString();
    String refresh = JSON.readTree(signedIn.body()).path("refresh_token").asString();

    HttpResponse<String> exchanged = exchange(access);
    assertThat(accessTokenClaims(exchanged).path("sub").asString())
        .isEqualTo(accessTokenClaims(signedIn).path("sub").asString());
    assertThat(JSON.readTree(exchanged.body()).path("refresh_token").asString()).isNotBlank();

    HttpResponse<String> logout =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(keycloak.tokenUri().replace("/token", "/logout")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "client_id="
                            + encode(keycloak.identityClientId())
                            + "&client_secret="
                            + encode(keycloak.identityClientSecret())
                            + "&refresh_token="
                            + encode(refresh)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(logout.statusCode()).as(logout.body()).isEqualTo(204);

    HttpResponse<String> refused = exchange(access);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
  }

  @Test
  void repeatedWrongPasswordsLockTheAccountForAWhile() throws Exception {
    String email = "devstack-it-" + UUID.randomUUID() + "@example.test";
    String user =
        """
        {"username":"%s","email":"%s","firstName":"Bruno","lastName":"Force","enabled":true,
         "emailVerified":true,
         "credentials":[{"type":"password","value":"it-password-2","temporary":false}]}
        """
            .formatted(email, email);
    HttpResponse<String> created = admin("POST", "/users", user);
    assertThat(created.statusCode()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    String userPath = location.substring(location.indexOf("/users/"));
    try {
      assertThat(passwordGrant(email, "it-password-2").statusCode()).isEqualTo(200);
      for (int attempt = 0; attempt < 10; attempt++) {
        assertThat(passwordGrant(email, "guess-" + attempt).statusCode()).isEqualTo(400);
      }

      HttpResponse<String> rightPassword = passwordGrant(email, "it-password-2");

      assertThat(rightPassword.statusCode()).as(rightPassword.body()).isEqualTo(400);
      assertThat(JSON.readTree(rightPassword.body()).path("error").asString())
          .isEqualTo("invalid_grant");
    } finally {
      admin("DELETE", userPath, null);
    }
  }

  private HttpResponse<String> exchange(String accessToken)
      throws IOException, InterruptedException {
    return tokenRequest(
        Map.of(
            "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
            "subject_token", accessToken,
            "subject_token_type", "urn:ietf:params:oauth:token-type:access_token",
            "requested_token_type", "urn:ietf:params:oauth:token-type:refresh_token"));
  }

  private HttpResponse<String> passwordGrant(String username, String password)
      throws IOException, InterruptedException {
    return tokenRequest(
        Map.of("grant_type", "password", "username", username, "password", password));
  }

  private HttpResponse<String> tokenRequest(Map<String, String> form)
      throws IOException, InterruptedException {
    Map<String, String> withClient = new java.util.LinkedHashMap<>(form);
    withClient.put("client_id", keycloak.identityClientId());
    withClient.put("client_secret", keycloak.identityClientSecret());
    String body =
        withClient.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(keycloak.tokenUri()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> admin(String method, String path, String json)
      throws IOException, InterruptedException {
    HttpResponse<String> grant = tokenRequest(Map.of("grant_type", "client_credentials"));
    assertThat(grant.statusCode()).isEqualTo(200);
    String token = JSON.readTree(grant.body()).path("access_token").asString();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(keycloak.adminApiUri() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json");
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode accessTokenClaims(HttpResponse<String> tokenResponse) {
    assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
    String token = JSON.readTree(tokenResponse.body()).path("access_token").asString();
    String payload = token.split("\\.")[1];
    return JSON.readTree(
        new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
  }

  private static List<String> audience(JsonNode claims) {
    JsonNode aud = claims.path("aud");
    return aud.isArray() ? strings(aud) : List.of(aud.asString());
  }

  private static List<String> strings(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
