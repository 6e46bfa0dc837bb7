package io.dealflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.ForgedTokens;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Only valid Keycloak tokens pass, except on public routes; refusals speak the route's format. */
class AuthenticationTest extends GatewayTestBase {

  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource({
    "/api/v1/leads, $.errors[0].meta.code, UNAUTHORIZED",
    "/api/v1/auth/me, $.error_code, AUTH_INVALID_TOKEN",
    "/api/v1/profile, $.detail.code, UNAUTHORIZED",
    "/api/v1/deals/d-1, $.code, UNAUTHORIZED",
    "/api/v1/support/tickets, $.error.code, AUTHENTICATION_ERROR"
  })
  void withoutATokenTheRouteAnswers401InItsFamilysFormat(
      String path, String codePath, String code) {
    client
        .get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dealflow\"")
        .expectBody()
        .jsonPath(codePath)
        .isEqualTo(code);
  }

  static Stream<Arguments> refusedTokens() {
    Map<String, String> forged = ForgedTokens.all(Tokens.rep());
    return Stream.concat(
        forged.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue())),
        Stream.of(Arguments.of("dev_token while disabled", "dev_token")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedTokens")
  void forgedTokensAre401(String forgery, String token) {
    client
        .get()
        .uri("/api/v1/leads")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .value(
            HttpHeaders.WWW_AUTHENTICATE,
            challenge -> assertThat(challenge).contains("error=\"invalid_token\""))
        .expectBody()
        .jsonPath("$.errors[0].status")
        .isEqualTo("401")
        .jsonPath("$.errors[0].title")
        .isEqualTo("Authentication Error")
        .jsonPath("$.errors[0].detail")
        .isEqualTo("The access token is invalid");
  }

  @Test
  void anExpiredTokenIs401WithTheExpiredCode() {
    client
        .get()
        .uri("/api/v1/auth/me")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.expired())
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .value(
            HttpHeaders.WWW_AUTHENTICATE,
            challenge -> assertThat(challenge).contains("invalid_token").contains("expired"))
        .expectBody()
        .jsonPath("$.error_code")
        .isEqualTo("AUTH_TOKEN_EXPIRED")
        .jsonPath("$.detail")
        .isEqualTo("The access token has expired");
  }

  @Test
  void aValidKeycloakTokenPasses() {
    client
        .get()
        .uri("/api/v1/leads")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.rep())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo("crm");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "POST, /api/v1/auth/login",
    "POST, /api/v1/auth/register",
    "POST, /api/v1/auth/refresh",
    "POST, /users/sign_in"
  })
  void loggingInNeedsNoTokenAndIgnoresAStaleOne(HttpMethod method, String path) {
    client
        .method(method)
        .uri(path)
        .header("X-Forwarded-For", newClientIp())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo("identity");

    client
        .method(method)
        .uri(path)
        .header("X-Forwarded-For", newClientIp())
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ForgedTokens.garbage())
        .exchange()
        .expectStatus()
        .isOk();
  }

  @ParameterizedTest
  @CsvSource({
    "/health, 200",
    "/health/ready, 200",
    "/metrics, 200",
    "/api/v1, 200",
    "/docs, 302",
    "/redoc, 200",
    "/v3/api-docs, 200"
  })
  void theGatewaysOwnEndpointsArePublic(String path, int status) {
    client.get().uri(path).exchange().expectStatus().isEqualTo(status);
  }

  @ParameterizedTest
  @CsvSource({"/actuator/health", "/actuator/health/readiness", "/actuator/prometheus"})
  void theActuatorIsNotServedOnTheApiPort(String path) {
    client
        .get()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.admin())
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.detail.code")
        .isEqualTo("NOT_FOUND");
  }

  @Test
  void theActuatorAnswersOnTheManagementPortOnly() {
    WebTestClient management =
        WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();

    management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    management
        .get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(metrics -> assertThat(metrics).contains("# HELP"));
    management.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
  }
}
