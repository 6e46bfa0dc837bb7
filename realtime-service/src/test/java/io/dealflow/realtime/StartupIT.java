package io.dealflow.realtime;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service starts on the platform: probes public, the API behind tokens. */
class StartupIT extends RunningRealtimeService {

  @Test
  void healthIsPublicAndTheApiNeedsAToken() {
    WebTestClient client = WebTestClient.bindToServer().baseUrl(baseUrl()).build();

    client.get().uri("/actuator/health").exchange().expectStatus().isOk();
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
}
