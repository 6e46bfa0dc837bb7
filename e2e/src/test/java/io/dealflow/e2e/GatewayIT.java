package io.dealflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the gateway itself answers: limits, headers, health (503s of a stopped service:
 * RoutingTest).
 */
class GatewayIT {

  private static final Map<String, String> SECURITY_HEADERS =
      Map.of(
          "X-Content-Type-Options", "nosniff",
          "X-Frame-Options", "DENY",
          "X-XSS-Protection", "1; mode=block",
          "Strict-Transport-Security", "max-age=31536000; includeSubDomains");

  @Test
  void sixthLoginWithinAMinuteFromOneAddressIs429WithTheLimitHeaders() {
    Http client = E2eStack.client();
    Map<String, String> attempt = Map.of("email", "nobody@example.com", "password", "whatever1");

    for (int i = 1; i <= 5; i++) {
      Http.Response allowed = client.post("/api/v1/auth/login", attempt);
      assertThat(allowed.status()).as("attempt " + i + ": " + allowed).isEqualTo(401);
      assertThat(allowed.header("X-RateLimit-Limit")).isEqualTo("5");
      assertThat(allowed.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(5 - i));
    }
    Http.Response limited = client.post("/api/v1/auth/login", attempt);

    assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotBlank();
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(limited.header("X-RateLimit-Limit")).isEqualTo("5");
    assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(limited.header("X-RateLimit-Reset")).isNotBlank();
    assertThat(limited.json().get("error_code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");

    Http.Response otherAddress = E2eStack.client().post("/api/v1/auth/login", attempt);
    assertThat(otherAddress.status()).isEqualTo(401);
  }

  @Test
  void everyResponseCarriesTheSecurityHeadersAndARequestId() {
    for (Http.Response response :
        new Http.Response[] {
          E2eStack.client().get("/health"),
          E2eStack.client().get("/api/v1/auth/me"),
          E2eStack.client().get("/api/v1/leads")
        }) {
      SECURITY_HEADERS.forEach(
          (name, value) ->
              assertThat(response.header(name)).as(name + " on " + response).isEqualTo(value));
      assertThat(response.header("X-Request-Id")).isNotBlank();
    }
  }

  @Test
  void healthAggregatesTheServicesAndInfoNamesTheApi() {
    Http.Response health = E2eStack.client().get("/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("services").get("identity").asString()).isEqualTo("healthy");
    assertThat(health.json().get("services").has("crm")).isTrue();

    Http.Response ready = E2eStack.client().get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("status").asString()).isEqualTo("ready");

    Http.Response info = E2eStack.client().get("/api/v1");
    assertThat(info.json().get("message").asString()).isEqualTo("Dealflow API v1");
  }

  @Test
  void demoAdminFromThePrintedFirstRequestCanLogIn() {
    Http.Response login =
        E2eStack.client()
            .post(
                "/api/v1/auth/login",
                Map.of(
                    "email",
                    "admin@demo.dealflow.local",
                    "password",
                    io.dealflow.devstack.Devstack.keycloak().demoPassword()));

    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    assertThat(login.json().get("user").get("role").asString()).isEqualTo("admin");
  }
}
