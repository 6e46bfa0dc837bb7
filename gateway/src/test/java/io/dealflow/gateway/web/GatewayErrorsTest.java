package io.dealflow.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.gateway.GatewayProperties;
import io.dealflow.gateway.route.RouteTable;
import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ErrorKind;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How failures of services, Keycloak and routing read to clients. */
class GatewayErrorsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final GatewayProperties properties =
      new GatewayProperties(
          "0.1.0",
          Map.of(
              "crm",
              new GatewayProperties.ServiceSettings(
                  URI.create("http://crm:8080"), null, Duration.ofMillis(1500))),
          Duration.ofSeconds(10),
          Duration.ofSeconds(2),
          List.of(),
          new GatewayProperties.CircuitBreakerSettings(true, 50, 20, 10, Duration.ofSeconds(10)));
  private final GatewayErrors errors =
      new GatewayErrors(
          RouteTable.standard(),
          JSON,
          Clock.fixed(Instant.parse("2026-01-15T10:30:00Z"), ZoneOffset.UTC),
          properties);

  @Test
  void anUnreachableServiceIsUnavailableByName() {
    ApiError error = errors.describe(exchange("/api/v1/leads"), new ConnectException("refused"));

    assertThat(error.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(error.message()).isEqualTo("crm-service is unavailable");
    assertThat(error.meta()).containsEntry("service", "crm-service");
  }

  @Test
  void anOpenCircuitIsUnavailableToo() {
    ApiError error =
        errors.describe(
            exchange("/api/v1/support/tickets"),
            CallNotPermittedException.createCallNotPermittedException(
                CircuitBreaker.ofDefaults("support-service")));

    assertThat(error.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(error.meta())
        .containsEntry("service", "support-service")
        .containsEntry("reason", "circuit_open");
  }

  @Test
  void anUnreachableKeycloakIsNotBlamedOnTheService() {
    ApiError error =
        errors.describe(
            exchange("/api/v1/leads"),
            new AuthenticationServiceException(
                "An error occurred while attempting to decode the Jwt",
                new ConnectException("Connection refused")));

    assertThat(error.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(error.message()).isEqualTo("The identity provider is unavailable");
    assertThat(error.meta()).containsEntry("service", "keycloak");
  }

  @Test
  void aTimeoutNamesTheServiceAndItsOwnTimeout() {
    ApiError error =
        errors.describe(
            exchange("/api/v1/deals/d-1"),
            new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer"));

    assertThat(error.kind()).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(error.message()).isEqualTo("crm-service did not answer within 1500 ms");
  }

  @Test
  void anUnknownPathIsNotFoundInTheGatewaysFormat() {
    MockServerWebExchange exchange = exchange("/api/v1/nothing-here");

    errors.handle(exchange, new ResponseStatusException(HttpStatus.NOT_FOUND)).block();

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    JsonNode body = JSON.readTree(exchange.getResponse().getBodyAsString().block());
    assertThat(body.path("detail").path("code").asString()).isEqualTo("NOT_FOUND");
  }

  @Test
  void anUnexpectedFailureIsAnInternalErrorWithoutDetails() {
    MockServerWebExchange exchange = exchange("/api/v1/support/tickets");
    exchange.getAttributes().put(Exchanges.REQUEST_ID, "req_abc123");

    errors.handle(exchange, new IllegalStateException("secret internals")).block();

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    String body = exchange.getResponse().getBodyAsString().block();
    assertThat(JSON.readTree(body).path("error").path("code").asString())
        .isEqualTo("INTERNAL_ERROR");
    assertThat(JSON.readTree(body).path("error").path("request_id").asString())
        .isEqualTo("req_abc123");
    assertThat(body).doesNotContain("secret internals");
  }

  private static MockServerWebExchange exchange(String path) {
    return MockServerWebExchange.from(MockServerHttpRequest.get(path));
  }
}
