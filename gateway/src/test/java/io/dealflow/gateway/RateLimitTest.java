package io.dealflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** The seeds' limits, each product's on its own routes, counted in the real Redis. */
class RateLimitTest extends GatewayTestBase {

  @Test
  void theSixthLoginWithinAMinuteIsRefusedInTheTrainerFormat() {
    String clientIp = newClientIp();
    for (int i = 1; i <= 5; i++) {
      login("/api/v1/auth/login", clientIp)
          .expectStatus()
          .isOk()
          .expectHeader()
          .valueEquals("X-RateLimit-Limit", "5")
          .expectHeader()
          .valueEquals("X-RateLimit-Remaining", Integer.toString(5 - i));
    }
    long now = Instant.now().getEpochSecond();

    HttpHeaders headers =
        login("/api/v1/auth/login", clientIp)
            .expectStatus()
            .isEqualTo(429)
            .expectHeader()
            .valueEquals("X-RateLimit-Limit", "5")
            .expectHeader()
            .valueEquals("X-RateLimit-Remaining", "0")
            .expectBody()
            .jsonPath("$.error_code")
            .isEqualTo("RATE_LIMIT_EXCEEDED")
            .jsonPath("$.detail")
            .isEqualTo("Too many requests. Please try again later.")
            .returnResult()
            .getResponseHeaders();

    assertThat(Long.parseLong(headers.getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
    assertThat(Long.parseLong(headers.getFirst("X-RateLimit-Reset"))).isBetween(now, now + 61);
    assertSecurityHeaders(headers);
  }

  @Test
  void aRefusedSignInCarriesRetryAfterInSpotlightsMeta() {
    String clientIp = newClientIp();
    for (int i = 0; i < 5; i++) {
      login("/users/sign_in", clientIp).expectStatus().isOk();
    }

    login("/users/sign_in", clientIp)
        .expectStatus()
        .isEqualTo(429)
        .expectBody()
        .jsonPath("$.errors[0].status")
        .isEqualTo("429")
        .jsonPath("$.errors[0].title")
        .isEqualTo("Rate Limit Exceeded")
        .jsonPath("$.errors[0].meta.retry_after")
        .value(retryAfter -> assertThat(((Number) retryAfter).longValue()).isBetween(1L, 60L));
  }

  @Test
  void loginLimitsCountPerClientAddress() {
    String exhausted = newClientIp();
    for (int i = 0; i < 6; i++) {
      login("/api/v1/auth/register", exhausted);
    }
    login("/api/v1/auth/register", exhausted).expectStatus().isEqualTo(429);

    login("/api/v1/auth/register", newClientIp()).expectStatus().isOk();
  }

  @ParameterizedTest
  @CsvSource({
    "/api/v1/appointments, 100",
    "/api/v1/auth/me, 120",
    "/api/v1/profile, 120",
    "/api/v1/support/tickets, 100",
    "/api/v1/support/messages/send, 50",
    "/api/v1/support/files/upload, 10"
  })
  void eachProductsRoutesReportTheirSeedsPerUserLimit(String path, String limit) {
    client
        .get()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.admin())
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("X-RateLimit-Limit", limit)
        .expectHeader()
        .value(
            "X-RateLimit-Remaining",
            remaining ->
                assertThat(Long.parseLong(remaining)).isBetween(0L, Long.parseLong(limit) - 1));
  }

  @Test
  void onlyVectorOsRoutesCountAgainstTheOrganizationsPlan() {
    long before = planRemaining();
    for (int i = 0; i < 3; i++) {
      client
          .get()
          .uri("/api/v1/leads")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.admin())
          .exchange()
          .expectHeader()
          .valueEquals("X-RateLimit-Limit", "100");
    }

    assertThat(planRemaining()).isEqualTo(before - 1);
  }

  /** What is left of the demo organization's plan, after one more VectorOS request. */
  private long planRemaining() {
    HttpHeaders headers =
        client
            .get()
            .uri("/api/v1/deals")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.admin())
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders();
    assertThat(headers.getFirst("X-RateLimit-Limit")).isIn("1000", "10000", "50000", "100000");
    return Long.parseLong(headers.getFirst("X-RateLimit-Remaining"));
  }

  @Test
  void theGatewaysOwnEndpointsAreNotLimited() {
    client.get().uri("/health").exchange().expectHeader().doesNotExist("X-RateLimit-Limit");
  }

  private ResponseSpec login(String path, String clientIp) {
    return client.post().uri(path).header("X-Forwarded-For", clientIp).exchange();
  }
}
