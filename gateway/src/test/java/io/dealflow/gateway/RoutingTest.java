package io.dealflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/** Requests reach the service that owns their path, with what the services need to know. */
class RoutingTest extends GatewayTestBase {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "GET, /api/v1/auth/me, identity",
    "PATCH, /api/v1/user, identity",
    "GET, /api/v1/profile, identity",
    "GET, /api/v1/workspaces/ws-1/members, identity",
    "GET, /api/v1/workspaces/ws-1/deals, crm",
    "GET, /api/v1/leads/l-1, crm",
    "GET, /api/v1/workspaces/ws-1/analytics/pipeline, insights",
    "POST, /api/v1/chat, insights",
    "POST, /api/v1/support/messages/send, support",
    "GET, /api/v1/webhooks, realtime"
  })
  void requestsReachTheOwningServiceWithTokenAndRequestId(
      HttpMethod method, String path, String service) {
    String token = Tokens.admin();
    String clientIp = newClientIp();

    EntityExchangeResult<byte[]> result =
        client
            .method(method)
            .uri(path + "?page=2")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .header("X-Forwarded-For", clientIp)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.service")
            .isEqualTo(service)
            .jsonPath("$.method")
            .isEqualTo(method.name())
            .jsonPath("$.path")
            .isEqualTo(path)
            .jsonPath("$.query")
            .isEqualTo("page=2")
            .jsonPath("$.headers.authorization")
            .isEqualTo("Bearer " + token)
            .returnResult();

    String requestId = result.getResponseHeaders().getFirst("X-Request-Id");
    assertThat(requestId).isNotBlank();
    assertThat(body(result)).contains("\"x-request-id\":\"" + requestId + "\"");
    assertThat(body(result)).contains("\"x-forwarded-for\":\"" + clientIp + ", 127.0.0.1\"");
    assertThat(body(result)).contains("\"x-forwarded-proto\":\"http\"");
    assertThat(body(result)).contains("\"x-forwarded-host\":\"localhost:" + port + "\"");
  }

  @Test
  void theCallersRequestIdTravelsDownstreamAndBack() {
    client
        .get()
        .uri("/api/v1/leads")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.rep())
        .header("X-Request-Id", "req_abc123")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("X-Request-Id", "req_abc123")
        .expectBody()
        .jsonPath("$.headers['x-request-id']")
        .isEqualTo("req_abc123");
  }

  @Test
  void aMalformedRequestIdIsReplaced() {
    client
        .get()
        .uri("/api/v1/leads")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.rep())
        .header("X-Request-Id", "<script>")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .value("X-Request-Id", id -> assertThat(id).matches("[0-9a-f-]{36}"));
  }

  @Test
  void aServiceThatIsNotRunningAnswers503InItsFamilysFormat() {
    client
        .get()
        .uri("/api/v1/sailwind/clients")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.rep())
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody()
        .jsonPath("$.detail.code")
        .isEqualTo("SERVICE_UNAVAILABLE")
        .jsonPath("$.detail.message")
        .isEqualTo("playbook-service is unavailable");

    client
        .get()
        .uri("/api/v1/scenarios")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.rep())
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("training-service is unavailable")
        .jsonPath("$.error_code")
        .isEqualTo("SERVICE_UNAVAILABLE")
        .jsonPath("$.timestamp")
        .isNotEmpty();
  }

  @Test
  void repeatedFailuresOpenTheServicesCircuitBreaker() {
    for (int i = 0; i < 12; i++) {
      client
          .get()
          .uri("/api/v1/sailwind/products")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.rep())
          .exchange()
          .expectStatus()
          .isEqualTo(503)
          .expectBody()
          .jsonPath("$.detail.message")
          .isEqualTo("playbook-service is unavailable");
    }

    client
        .get()
        .uri("/metrics")
        .exchange()
        .expectBody(String.class)
        .value(
            metrics ->
                assertThat(metrics)
                    .containsPattern(
                        "resilience4j_circuitbreaker_state\\{[^}]*name=\"playbook-service\"[^}]*state=\"open\"[^}]*} 1"));
  }

  @Test
  void aSlowServiceAnswers504NamingTheService() {
    long started = System.nanoTime();

    client
        .get()
        .uri("/api/v1/insights/slow")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.rep())
        .exchange()
        .expectStatus()
        .isEqualTo(504)
        .expectBody()
        .jsonPath("$.error")
        .isEqualTo("insights-service did not answer within 1 s")
        .jsonPath("$.code")
        .isEqualTo("GATEWAY_TIMEOUT")
        .jsonPath("$.details.service")
        .isEqualTo("insights-service");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(EchoBackend.SLOW);
  }

  @Test
  void aServicesOpenApiDocumentIsServedThroughTheGateway() {
    client
        .get()
        .uri("/v3/api-docs/crm")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.info.title")
        .isEqualTo("crm-service");
  }

  @Test
  void webSocketHandshakesReachRealtimeWithoutAToken() {
    AtomicReference<String> received = new AtomicReference<>();

    new ReactorNettyWebSocketClient()
        .execute(
            URI.create("ws://localhost:" + port + "/ws/events"),
            session ->
                session
                    .send(Mono.just(session.textMessage("hello")))
                    .thenMany(session.receive().take(1).map(WebSocketMessage::getPayloadAsText))
                    .doOnNext(received::set)
                    .then())
        .block(Duration.ofSeconds(10));

    assertThat(received.get()).isEqualTo("realtime:hello");
  }

  @Test
  void aHelloSalesVoiceMessageOf700KiBPassesTheWebSocketProxyBothWays() {
    String voice =
        "{\"type\":\"voice\",\"payload\":{\"audioData\":\""
            + "A".repeat(700 * 1024)
            + "\",\"format\":\"wav\",\"sampleRate\":16000}}";
    AtomicReference<String> received = new AtomicReference<>();

    new ReactorNettyWebSocketClient(
            HttpClient.create(), () -> WebsocketClientSpec.builder().maxFramePayloadLength(4 << 20))
        .execute(
            URI.create("ws://localhost:" + port + "/ws"),
            session ->
                session
                    .send(Mono.just(session.textMessage(voice)))
                    .thenMany(session.receive().take(1).map(WebSocketMessage::getPayloadAsText))
                    .doOnNext(received::set)
                    .then())
        .block(Duration.ofSeconds(10));

    assertThat(received.get()).isEqualTo("realtime:" + voice);
  }

  private static String body(EntityExchangeResult<byte[]> result) {
    return new String(result.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
