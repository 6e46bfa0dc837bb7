package io.dealflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Devstack;
import io.dealflow.devstack.Keycloak;
import io.dealflow.platform.test.TestDatabases;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * identity-service running on a random port against the real Keycloak of the realm and a fresh
 * PostgreSQL database, asking a stand-in for training-service ({@link TrainingStub}) for the
 * profile's learning progress; every integration test class shares this one context. Each test
 * makes its own users (random emails), and the Keycloak users are deleted when the class is done.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // Expired-token tests wait out a two-second token; no grace period may hide it.
      "dealflow.security.clock-skew=0s",
      "dealflow.identity.demo.enabled=true",
      "dealflow.identity.demo.retry-delay=1s",
      // The stand-in's address, through a placeholder so that a subclass's
      // @DynamicPropertySource can still point the profile elsewhere (ProfileTrainingDownIT).
      "dealflow.identity.training.uri=${dealflow.test.training-stub-uri}"
    })
abstract class RunningIdentityService {

  static final String PASSWORD = "Correct-Horse-42";

  private static final Queue<UUID> CREATED = new ConcurrentLinkedQueue<>();

  /** training-service's stand-in, which the profile asks for skills and progress. */
  static final TrainingStub TRAINING = TrainingStub.start();

  @LocalServerPort int port;

  @LocalManagementPort int managementPort;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestDatabases.register(registry, "identity");
    TestDatabases.registerSecurity(registry);
    Keycloak keycloak = Devstack.keycloak();
    registry.add("dealflow.keycloak.url", keycloak::baseUrl);
    registry.add("dealflow.keycloak.realm", keycloak::realm);
    registry.add("dealflow.keycloak.client-id", keycloak::identityClientId);
    registry.add("dealflow.keycloak.client-secret", keycloak::identityClientSecret);
    registry.add("spring.kafka.bootstrap-servers", () -> Devstack.kafka().bootstrapServers());
    registry.add("dealflow.test.training-stub-uri", TRAINING::uri);
  }

  @AfterAll
  static void deleteCreatedKeycloakUsers() {
    for (UUID id = CREATED.poll(); id != null; id = CREATED.poll()) {
      Realm.deleteUser(id);
    }
  }

  Api api() {
    return new Api(port);
  }

  /** The management port: probes, Prometheus and operator endpoints. */
  Api management() {
    return Api.management(managementPort);
  }

  static String uniqueEmail(String prefix) {
    return prefix + "-" + UUID.randomUUID() + "@example.com";
  }

  /** Remembers a Keycloak user the test made, to delete it afterwards. */
  static void created(String userId) {
    CREATED.add(UUID.fromString(userId));
  }

  /**
   * A self-registered user with an organization of its own.
   *
   * @param email the user's email
   * @param userId the user's id
   * @param orgId the user's organization
   * @param accessToken the access token from the registration
   * @param refreshToken the refresh token from the registration
   */
  record Registered(
      String email, String userId, String orgId, String accessToken, String refreshToken) {}

  Registered register(String company) {
    return register(uniqueEmail("it"), company);
  }

  Registered register(String email, @Nullable String company) {
    Map<String, Object> body =
        company == null
            ? Map.of(
                "email", email, "password", PASSWORD, "first_name", "Erin", "last_name", "Tester")
            : Map.of(
                "email",
                email,
                "password",
                PASSWORD,
                "first_name",
                "Erin",
                "last_name",
                "Tester",
                "company",
                company);
    Api.Response response = api().post("/api/v1/auth/register", body);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    JsonNode json = response.json();
    String userId = json.get("user").get("id").asString();
    created(userId);
    return new Registered(
        email,
        userId,
        json.get("user").get("tenant_id").asString(),
        json.get("access_token").asString(),
        json.get("refresh_token").asString());
  }

  /** Signs in through the service and answers the access token. */
  String login(String email, String password) {
    Api.Response response =
        api().post("/api/v1/auth/login", Map.of("email", email, "password", password));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().get("access_token").asString();
  }
}
