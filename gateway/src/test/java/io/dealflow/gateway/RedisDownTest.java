package io.dealflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway with its Redis unreachable (a port nothing listens on): the limits are counted in
 * memory instead of not at all, the gateway stays ready, and Redis's state shows in the health
 * details and the metrics. A context of its own.
 */
class RedisDownTest extends RunningGateway {

  @DynamicPropertySource
  static void redisUnreachable(DynamicPropertyRegistry registry) throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    int port = closed;
    registry.add("spring.data.redis.host", () -> "127.0.0.1");
    registry.add("spring.data.redis.port", () -> port);
    gateway(registry);
  }

  @Test
  void theSixthLoginWithinAMinuteIsStillRefused() {
    String clientIp = newClientIp();
    for (int i = 1; i <= 5; i++) {
      login(clientIp)
          .expectStatus()
          .isOk()
          .expectHeader()
          .valueEquals("X-RateLimit-Limit", "5")
          .expectHeader()
          .valueEquals("X-RateLimit-Remaining", Integer.toString(5 - i));
    }

    login(clientIp)
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .exists("Retry-After")
        .expectHeader()
        .exists("X-RateLimit-Reset")
        .expectBody()
        .jsonPath("$.error_code")
        .isEqualTo("RATE_LIMIT_EXCEEDED");
    login(newClientIp()).expectStatus().isOk();
  }

  @Test
  void theGatewayStaysReady() {
    client
        .get()
        .uri("/health/ready")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json("{\"status\":\"ready\",\"rate_limits\":\"in_memory\"}", true);
    management().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    management().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
  }

  @Test
  void redisShowsAsDownInTheHealthDetailsAndTheMetrics() {
    client
        .get()
        .uri("/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("degraded")
        .jsonPath("$.services.redis")
        .isEqualTo("unavailable");
    management()
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectBody()
        .jsonPath("$.components.redis.status")
        .isEqualTo("DOWN");
    login(newClientIp()).expectStatus().isOk();

    String metrics =
        client
            .get()
            .uri("/metrics")
            .exchange()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(metrics)
        .containsPattern("(?m)^dealflow_gateway_ratelimit_redis_up\\{[^}]*\\} 0\\.0$");
    assertThat(metrics)
        .containsPattern("(?m)^dealflow_gateway_ratelimit_in_memory_total\\{[^}]*\\} [1-9]");
  }

  private WebTestClient management() {
    return WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
  }

  private WebTestClient.ResponseSpec login(String clientIp) {
    return client.post().uri("/api/v1/auth/login").header("X-Forwarded-For", clientIp).exchange();
  }
}
