package io.dealflow.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Devstack;
import io.dealflow.devstack.Keycloak;
import io.dealflow.platform.test.KeycloakTokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A genuine realm user who belongs to no organization yet (its token has no {@code org_id}): every
 * Spotlight resource answers 403 in the Spotlight format, since there is nothing of theirs to show.
 */
class NoOrganizationIT extends SpotlightService {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PASSWORD = "No-Org-Password-7";

  private static String userId;
  private static String token;

  @BeforeAll
  static void userWithoutOrganization() throws Exception {
    Keycloak keycloak = Devstack.keycloak();
    String email = "no-org-" + UUID.randomUUID() + "@example.com";
    Map<String, Object> user =
        Map.of(
            "username",
            email,
            "email",
            email,
            "emailVerified",
            true,
            "enabled",
            true,
            "firstName",
            "No",
            "lastName",
            "Org",
            "credentials",
            List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
    HttpResponse<String> created =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(keycloak.adminApiUri() + "/users"))
                .header("Authorization", "Bearer " + adminToken(keycloak))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    userId = location.substring(location.lastIndexOf('/') + 1);
    token = KeycloakTokens.password(email, PASSWORD);
  }

  @AfterAll
  static void deleteUser() throws Exception {
    if (userId != null) {
      Keycloak keycloak = Devstack.keycloak();
      HTTP.send(
          HttpRequest.newBuilder(URI.create(keycloak.adminApiUri() + "/users/" + userId))
              .header("Authorization", "Bearer " + adminToken(keycloak))
              .DELETE()
              .build(),
          HttpResponse.BodyHandlers.discarding());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/assistants",
        "/api/v1/leads",
        "/api/v1/conversations",
        "/api/v1/appointments",
        "/api/v1/leads/4b2e1d3f-6c7a-4f8b-9c0d-1e2f3a4b5c01"
      })
  void aCallerWithoutAnOrganizationIsForbidden(String path) {
    Api.Response refused = anonymous().as(token).get(path);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.json().get("errors").get(0).get("title").asString())
        .isEqualTo("Authorization Error");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/assistants", "/api/v1/leads"})
  void aCallerWithoutAnOrganizationCreatesNothing(String path) {
    long before = rows(path.endsWith("leads") ? "leads" : "assistants");

    Api.Response refused =
        anonymous()
            .as(token)
            .post(path, Map.of(path.endsWith("leads") ? "lead" : "assistant", Map.of("name", "X")));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(rows(path.endsWith("leads") ? "leads" : "assistants")).isEqualTo(before);
  }

  private static String adminToken(Keycloak keycloak) throws IOException, InterruptedException {
    String form =
        "grant_type=password&client_id=admin-cli&username="
            + URLEncoder.encode(keycloak.adminUsername(), StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(keycloak.adminPassword(), StandardCharsets.UTF_8);
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body()).get("access_token").asString();
  }
}
