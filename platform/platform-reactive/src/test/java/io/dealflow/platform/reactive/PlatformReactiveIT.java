package io.dealflow.platform.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.ForgedTokens;
import io.dealflow.platform.test.KeycloakTokens;
import io.dealflow.platform.test.TestDatabases;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * A WebFlux service on the platform, against the realm's Keycloak: tokens checked by the service
 * itself, the caller's tenant, errors in the family of each path, request ids and trace context.
 */
@SpringBootTest(
    classes = ProbeApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "dealflow.api.default-family=vectoros",
      "dealflow.api.families.spotlight=/api/v1/spotlight/**",
      "dealflow.security.public-paths=/api/v1/probe/public",
      "management.endpoints.web.exposure.include=health,info,env",
      // identity-service, which checks API tokens, is gone: nothing listens on the discard port.
      "dealflow.services.identity.uri=http://127.0.0.1:9"
    })
class PlatformReactiveIT {

  @LocalServerPort int port;
  WebTestClient client;

  @DynamicPropertySource
  static void security(DynamicPropertyRegistry registry) {
    TestDatabases.registerSecurity(registry);
  }

  @BeforeEach
  void client() {
    // A connection per request: with a pool, every answer a test leaves unread keeps its pooled
    // connection, and a later request waits for a free one until it times out. A loaded CI
    // machine can take longer than the default 5 s for a first call.
    client =
        WebTestClient.bindToServer(
                new ReactorClientHttpConnector(
                    HttpClient.create(ConnectionProvider.newConnection())))
            .baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(30))
            .build();
  }

  @Test
  void anApiTokenThatCannotBeCheckedIs503AndAnApiKeyHeaderWithoutOneIs401() {
    client
        .get()
        .uri("/api/v1/probe/me")
        .header("X-API-Key", "dfk_" + "b".repeat(43))
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .valueEquals("Retry-After", "5")
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("SERVICE_UNAVAILABLE");
    client
        .get()
        .uri("/api/v1/probe/me")
        .header("X-API-Key", "not-a-token")
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void aRealTokenNamesTheCallerAndItsOrganization() {
    Map<?, ?> me =
        client
            .get()
            .uri("/api/v1/probe/me")
            .header("Authorization", "Bearer " + KeycloakTokens.demoRep())
            .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .exists("X-Request-Id")
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();

    assertThat(me).isNotNull();
    assertThat(me.get("orgId")).isEqualTo(KeycloakTokens.DEMO_ORG_ID);
    assertThat(UUID.fromString((String) me.get("userId"))).isNotNull();
    assertThat((String) me.get("traceparent"))
        .startsWith("00-0af7651916cd43dd8448eb211c80319c-")
        .doesNotContain("b7ad6b7169203331");
  }

  @Test
  void noTokenAndForgedTokensAre401InTheFamilyFormat() {
    client
        .get()
        .uri("/api/v1/probe/me")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals("WWW-Authenticate", "Bearer")
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNAUTHORIZED")
        .jsonPath("$.error")
        .isEqualTo("Authentication required");

    String genuine = KeycloakTokens.demoRep();
    ForgedTokens.all(genuine)
        .forEach(
            (kind, forged) ->
                client
                    .get()
                    .uri("/api/v1/probe/me")
                    .header("Authorization", "Bearer " + forged)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                    .expectBody()
                    .jsonPath("$.error")
                    .isEqualTo("The access token is invalid"));
  }

  @Test
  void publicPathsIgnoreAStaleToken() {
    client
        .get()
        .uri("/api/v1/probe/public")
        .header("Authorization", "Bearer " + ForgedTokens.garbage())
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void validationErrorsUseWireNamesInEachFamilysFormat() {
    String token = KeycloakTokens.demoRep();
    client
        .post()
        .uri("/api/v1/probe/subscriptions")
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"url\":\"\",\"contact_email\":\"nope\"}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("VALIDATION_ERROR")
        .jsonPath("$.details.fields.contact_email")
        .exists()
        .jsonPath("$.details.fields.url")
        .exists();

    client
        .post()
        .uri("/api/v1/spotlight/subscriptions")
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"url\":\"https://example.com\",\"contact_email\":\"nope\"}")
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].source.pointer")
        .isEqualTo("/data/attributes/contact_email")
        .jsonPath("$.errors[0].status")
        .isEqualTo("422");
  }

  @Test
  void malformedJsonUnknownIdsAndUnknownPathsAnswerInTheFamilyFormat() {
    String token = KeycloakTokens.demoRep();
    client
        .post()
        .uri("/api/v1/probe/subscriptions")
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{not json")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("MALFORMED_REQUEST");

    client
        .get()
        .uri("/api/v1/probe/subscriptions/" + UUID.randomUUID())
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.error")
        .isEqualTo("Subscription not found");

    client
        .get()
        .uri("/api/v1/probe/subscriptions/not-a-uuid")
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isNotFound();

    client
        .get()
        .uri("/api/v1/probe/nothing-here")
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("NOT_FOUND");
  }

  @Test
  void operatorEndpointsNeedTheOperatorRoleThatNoOrganizationGrants() {
    client
        .get()
        .uri("/actuator/env")
        .header("Authorization", "Bearer " + KeycloakTokens.demoRep())
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("FORBIDDEN");
    client
        .get()
        .uri("/actuator/env")
        .header("Authorization", "Bearer " + KeycloakTokens.demoAdmin())
        .exchange()
        .expectStatus()
        .isForbidden();
    client
        .get()
        .uri("/actuator/env")
        .header("Authorization", "Bearer " + KeycloakTokens.operator())
        .exchange()
        .expectStatus()
        .isOk();
    client.get().uri("/actuator/health").exchange().expectStatus().isOk();
  }
}
