package io.dealflow.realtime;

import io.dealflow.platform.test.KeycloakTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service starts on the platform: probes public on the management port, operator endpoints
 * there for operators only, the API behind tokens.
 */
class StartupIT extends RunningRealtimeService {

  @Test
  void healthIsPublicOnTheManagementPortAndTheApiNeedsAToken() {
    WebTestClient client = WebTestClient.bindToServer().baseUrl(baseUrl()).build();
    WebTestClient management = WebTestClient.bindToServer().baseUrl(managementUrl()).build();

    management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    client.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
    client
        .get()
        .uri("/api/v1/webhooks")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNAUTHORIZED");
  }

  @Test
  void deadLettersAreForOperatorsNotForAnOrganizationsAdmin() {
    WebTestClient management = WebTestClient.bindToServer().baseUrl(managementUrl()).build();

    management
        .get()
        .uri("/actuator/deadletters")
        .headers(headers -> headers.setBearerAuth(KeycloakTokens.demoAdmin()))
        .exchange()
        .expectStatus()
        .isForbidden();
    management
        .get()
        .uri("/actuator/deadletters")
        .headers(headers -> headers.setBearerAuth(KeycloakTokens.operator()))
        .exchange()
        .expectStatus()
        .isOk();
  }
}
