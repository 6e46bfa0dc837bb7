package io.dealflow.platform.test;

import io.dealflow.devstack.Devstack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real Keycloak users of any organization, for services that must prove tenant isolation without
 * identity-service: each user gets the {@code org_id}, {@code org_ids}, {@code org_roles} and
 * {@code org_plan} attributes and realm role that identity-service would give it, so its tokens are
 * what a registered user's would be. Users made here are deleted when the JVM exits.
 */
public final class TestUsers {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PASSWORD = "Test-User-Password-7";
  private static final Queue<String> CREATED = new ConcurrentLinkedQueue<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(TestUsers::deleteCreated, "test-users-cleanup"));
  }

  private TestUsers() {}

  /**
   * A user of one organization.
   *
   * @param id the Keycloak user id (the token's subject)
   * @param email its email (also its username)
   * @param orgId its organization
   * @param role its realm role
   */
  public record TestUser(UUID id, String email, UUID orgId, String role) {

    /** A fresh access token for this user. */
    public String token() {
      return KeycloakTokens.password(email, PASSWORD);
    }

    /** A token for this user that expires about two seconds from now. */
    public String shortLivedToken() {
      return KeycloakTokens.shortLived(email, PASSWORD);
    }
  }

  /** A new user in a new organization of its own. */
  public static TestUser inNewOrganization(String role) {
    return create(UUID.randomUUID(), role);
  }

  /** A new user of {@code orgId} with the realm role {@code role} (admin, manager, rep, agent). */
  public static TestUser create(UUID orgId, String role) {
    return create(orgId, role, Map.of());
  }

  /**
   * A new user acting for {@code orgId} as {@code role} who also belongs to other organizations,
   * with its role in each ({@code elsewhere}: organization id to role).
   */
  public static TestUser create(UUID orgId, String role, Map<UUID, String> elsewhere) {
    var keycloak = Devstack.keycloak();
    String email = "test-" + UUID.randomUUID() + "@example.com";
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("username", email);
    user.put("email", email);
    user.put("emailVerified", true);
    user.put("enabled", true);
    user.put("firstName", "Test");
    user.put("lastName", "User");
    Map<UUID, String> roles = new LinkedHashMap<>();
    roles.put(orgId, role);
    roles.putAll(elsewhere);
    user.put(
        "attributes",
        Map.of(
            "org_id",
            List.of(orgId.toString()),
            "org_ids",
            roles.keySet().stream().map(UUID::toString).toList(),
            "org_roles",
            List.of(JSON.writeValueAsString(roles)),
            "org_plan",
            List.of("starter")));
    user.put(
        "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
    String admin = KeycloakTokens.adminToken();
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(URI.create(keycloak.adminApiUri() + "/users"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user)))
                .build());
    if (created.statusCode() != 201) {
      throw new IllegalStateException(
          "Keycloak refused the test user: " + created.statusCode() + " " + created.body());
    }
    String location = created.headers().firstValue("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);
    CREATED.add(id);
    String roleJson =
        send(HttpRequest.newBuilder(URI.create(keycloak.adminApiUri() + "/roles/" + role))
                .header("Authorization", "Bearer " + admin)
                .GET()
                .build())
            .body();
    HttpResponse<String> mapped =
        send(
            HttpRequest.newBuilder(
                    URI.create(keycloak.adminApiUri() + "/users/" + id + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + roleJson + "]"))
                .build());
    if (mapped.statusCode() != 204) {
      throw new IllegalStateException(
          "Keycloak refused role " + role + ": " + mapped.statusCode() + " " + mapped.body());
    }
    return new TestUser(UUID.fromString(id), email, orgId, role);
  }

  private static void deleteCreated() {
    if (CREATED.isEmpty()) {
      return;
    }
    try {
      var keycloak = Devstack.keycloak();
      String admin = KeycloakTokens.adminToken();
      for (String id = CREATED.poll(); id != null; id = CREATED.poll()) {
        send(
            HttpRequest.newBuilder(URI.create(keycloak.adminApiUri() + "/users/" + id))
                .header("Authorization", "Bearer " + admin)
                .DELETE()
                .build());
      }
    } catch (RuntimeException e) {
      System.err.println("Could not delete the test users: " + e.getMessage());
    }
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
}
