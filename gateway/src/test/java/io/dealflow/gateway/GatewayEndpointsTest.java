package io.dealflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dealflow.platform.test.ForgedTokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Health, docs, metrics, API info, CORS, headers and logs: what the gateway answers itself. */
@ExtendWith(OutputCaptureExtension.class)
class GatewayEndpointsTest extends GatewayTestBase {

  @Test
  void healthListsEveryServiceAndIsDegradedWhileSomeAreDown() {
    client
        .get()
        .uri("/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("degraded")
        .jsonPath("$.service")
        .isEqualTo("dealflow-gateway")
        .jsonPath("$.version")
        .isEqualTo("0.1.0")
        .jsonPath("$.timestamp")
        .isNotEmpty()
        .jsonPath("$.uptime")
        .isNumber()
        .jsonPath("$.services.identity")
        .isEqualTo("healthy")
        .jsonPath("$.services.crm")
        .isEqualTo("healthy")
        .jsonPath("$.services.insights")
        .isEqualTo("healthy")
        .jsonPath("$.services.support")
        .isEqualTo("healthy")
        .jsonPath("$.services.realtime")
        .isEqualTo("healthy")
        .jsonPath("$.services.playbook")
        .isEqualTo("unavailable")
        .jsonPath("$.services.training")
        .isEqualTo("unavailable")
        .jsonPath("$.services.redis")
        .isEqualTo("healthy");
  }

  @Test
  void readyWhileRedisAnswersWithTheLimitsInRedis() {
    client
        .get()
        .uri("/health/ready")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json("{\"status\":\"ready\",\"rate_limits\":\"redis\"}", true);
  }

  @Test
  void apiInfo() {
    client
        .get()
        .uri("/api/v1")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json("{\"message\":\"Dealflow API v1\",\"version\":\"0.1.0\"}", true);
  }

  @Test
  void metricsAreInPrometheusTextFormat() {
    client.get().uri("/health").exchange();

    String metrics =
        client
            .get()
            .uri("/metrics")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).startsWith("text/plain"))
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(metrics).contains("# HELP").contains("http_server_requests_seconds_count");
  }

  @Test
  @SuppressWarnings("unchecked")
  void swaggerUiListsEveryServicesDocument() {
    client
        .get()
        .uri("/docs")
        .exchange()
        .expectStatus()
        .isFound()
        .expectHeader()
        .valueEquals(HttpHeaders.LOCATION, "/swagger-ui/index.html");

    client
        .get()
        .uri("/v3/api-docs/swagger-config")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.urls[*].url")
        .value(
            urls ->
                assertThat((List<Object>) urls)
                    .contains(
                        "/v3/api-docs/identity",
                        "/v3/api-docs/playbook",
                        "/v3/api-docs/training",
                        "/v3/api-docs/crm",
                        "/v3/api-docs/insights",
                        "/v3/api-docs/support",
                        "/v3/api-docs/realtime"));
    client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
  }

  @Test
  void redocIsServedWithoutTheInternet() {
    String page =
        client
            .get()
            .uri("/redoc")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    String script = page.replaceAll("(?s).*<script src=\"([^\"]+)\".*", "$1");

    assertThat(script).startsWith("/webjars/redoc/").endsWith("/redoc.standalone.js");
    assertThat(page).contains("/v3/api-docs/identity").doesNotContain("https://");
    client.get().uri(script).exchange().expectStatus().isOk();
  }

  @Test
  void corsPreflightIsAllowedFromAnyOriginUnderTheDevProfile() {
    client
        .options()
        .uri("/api/v1/leads")
        .header(HttpHeaders.ORIGIN, "http://localhost:5173")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173")
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
  }

  @Test
  void corsHeadersOfAServiceAreReplacedByTheGateways() {
    client
        .get()
        .uri("/api/v1/leads")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.rep())
        .header(HttpHeaders.ORIGIN, "http://localhost:5173")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .values(
            HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN,
            origins -> assertThat(origins).containsExactly("http://localhost:5173"));
  }

  @Test
  void securityHeadersOnProxiedAnswersErrorsAndOwnEndpoints() {
    assertSecurityHeaders(
        client
            .get()
            .uri("/api/v1/leads")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.rep())
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(Void.class)
            .getResponseHeaders());
    assertSecurityHeaders(
        client
            .get()
            .uri("/api/v1")
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(Void.class)
            .getResponseHeaders());
    assertSecurityHeaders(
        client
            .get()
            .uri("/api/v1/leads")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .returnResult(Void.class)
            .getResponseHeaders());
    assertSecurityHeaders(
        client
            .get()
            .uri("/api/v1/scenarios")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.rep())
            .exchange()
            .expectStatus()
            .isEqualTo(503)
            .returnResult(Void.class)
            .getResponseHeaders());
  }

  @Test
  void oneAccessLogLinePerRequestWithIdAndSubjectButNoToken(CapturedOutput output) {
    String token = Tokens.rep();
    String subject = ForgedTokens.claims(token).get("sub").asString();
    String requestId = "log-" + UUID.randomUUID();

    client
        .get()
        .uri("/api/v1/leads?access_token=secret-in-query")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .header("X-Request-Id", requestId)
        .exchange()
        .expectStatus()
        .isOk();

    // The line is written when the exchange completes, which may be just after the client has
    // read the response.
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(
                        output
                            .getOut()
                            .lines()
                            .filter(line -> line.contains("io.dealflow.gateway.access")))
                    .filteredOn(line -> line.contains(requestId))
                    .singleElement()
                    .satisfies(
                        line ->
                            assertThat(line)
                                .contains("GET /api/v1/leads 200 ")
                                .containsPattern(" \\d+ms ")
                                .contains("subject=" + subject)
                                .doesNotContain(token)
                                .doesNotContain("secret-in-query")));
    assertThat(output.getAll()).doesNotContain(token);
  }

  @Test
  void theGatewaysErrorLogLinesCarryTheRequestId(CapturedOutput output) {
    String requestId = "err-" + UUID.randomUUID();

    client
        .get()
        .uri("/api/v1/scenarios")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.rep())
        .header("X-Request-Id", requestId)
        .exchange()
        .expectStatus()
        .isEqualTo(503);

    // Logged in an error operator, where Reactor no longer restores the MDC by itself.
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(output.getOut().lines())
                    .filteredOn(line -> line.contains("WARN") && line.contains("training-service"))
                    .anySatisfy(line -> assertThat(line).contains("[" + requestId + "]")));
  }
}
