package io.dealflow.gateway.web;

import io.dealflow.gateway.GatewayProperties;
import io.dealflow.gateway.route.ApiRoute;
import io.dealflow.gateway.route.RouteTable;
import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ApiFamily;
import io.dealflow.platform.error.ErrorBodies;
import io.dealflow.platform.error.ErrorKind;
import io.dealflow.platform.request.RequestIds;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the gateway itself answers with, in the error format of the route's API family:
 * authentication failures, rate limits, bodies over their limit, unreachable or slow services,
 * unknown paths; a failure that carries an {@link ApiException} is answered with its error. Also
 * the handler of last resort for exceptions, replacing Spring Boot's, so that no response leaves
 * the gateway in a format the route's clients do not read.
 */
public final class GatewayErrors implements ErrorWebExceptionHandler, Ordered {

  private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);

  private final RouteTable routes;
  private final JsonMapper json;
  private final Clock clock;
  private final GatewayProperties properties;

  public GatewayErrors(
      RouteTable routes, JsonMapper json, Clock clock, GatewayProperties properties) {
    this.routes = routes;
    this.json = json;
    this.clock = clock;
    this.properties = properties;
  }

  /** Writes an error in the family of the request's route. */
  public Mono<Void> write(ServerWebExchange exchange, ApiError error) {
    return write(exchange, error, headers -> {});
  }

  public Mono<Void> write(
      ServerWebExchange exchange, ApiError error, Consumer<HttpHeaders> extraHeaders) {
    ApiFamily family = routes.familyOf(exchange);
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatus.valueOf(error.status(family)));
    HttpHeaders headers = response.getHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setCacheControl("no-store");
    extraHeaders.accept(headers);
    byte[] body =
        json.writeValueAsBytes(
            ErrorBodies.render(family, error, Exchanges.requestId(exchange), clock.instant()));
    headers.setContentLength(body.length);
    return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(failure);
    }
    ApiError error;
    // Context propagation is limited (application.yml): Reactor does not restore the MDC in this
    // operator, so the request id is put there for the lines describe() logs.
    String previous = MDC.get(RequestIds.MDC_KEY);
    String requestId = Exchanges.requestId(exchange);
    if (requestId != null) {
      MDC.put(RequestIds.MDC_KEY, requestId);
    }
    try {
      error = describe(exchange, failure);
    } finally {
      if (previous != null) {
        MDC.put(RequestIds.MDC_KEY, previous);
      } else {
        MDC.remove(RequestIds.MDC_KEY);
      }
    }
    return write(exchange, error);
  }

  /** What a failure means to the client. */
  ApiError describe(ServerWebExchange exchange, Throwable failure) {
    Optional<ApiRoute> route = routes.routeOf(exchange);
    String service = route.map(r -> r.backend().serviceName()).orElse("the service");
    String path = exchange.getRequest().getPath().value();
    // First: checking a token fails on Keycloak being unreachable, before any service is called.
    if (causedBy(failure, AuthenticationServiceException.class)) {
      log.warn("{} failed: the token could not be checked ({})", path, rootMessage(failure));
      return ApiError.of(ErrorKind.UNAVAILABLE, "The identity provider is unavailable")
          .withMeta("service", "keycloak");
    }
    ApiException refusal = find(failure, ApiException.class);
    if (refusal != null) {
      return refusal.error();
    }
    if (failure instanceof CallNotPermittedException) {
      log.warn("{} refused: the circuit breaker of {} is open", path, service);
      return unavailable(service, "circuit_open");
    }
    if (causedBy(failure, ConnectException.class)
        || causedBy(failure, UnknownHostException.class)
        || causedBy(failure, UnresolvedAddressException.class)) {
      log.warn("{} failed: {} is unreachable ({})", path, service, rootMessage(failure));
      return unavailable(service, "connection_failed");
    }
    if (causedBy(failure, PrematureCloseException.class)) {
      log.warn("{} failed: {} closed the connection ({})", path, service, rootMessage(failure));
      return ApiError.of(ErrorKind.BAD_GATEWAY, service + " closed the connection unexpectedly")
          .withMeta("service", service);
    }
    if (failure instanceof ResponseStatusException status) {
      return fromStatus(status.getStatusCode(), route, service, status);
    }
    if (causedBy(failure, TimeoutException.class)) {
      return timeout(route, service);
    }
    log.error("{} failed", path, failure);
    return ApiError.of(ErrorKind.INTERNAL, "Internal server error");
  }

  private ApiError fromStatus(
      HttpStatusCode status,
      Optional<ApiRoute> route,
      String service,
      ResponseStatusException failure) {
    if (status.value() == HttpStatus.GATEWAY_TIMEOUT.value() && route.isPresent()) {
      return timeout(route, service);
    }
    ErrorKind kind = ErrorKind.forStatus(status.value());
    if (kind == ErrorKind.INTERNAL) {
      log.error("Request failed with status {}", status.value(), failure);
    }
    HttpStatus known = HttpStatus.resolve(status.value());
    String message =
        switch (kind) {
          case NOT_FOUND -> "Not found";
          case METHOD_NOT_ALLOWED -> "Method not allowed";
          default -> known != null ? known.getReasonPhrase() : "Request failed";
        };
    return ApiError.of(kind, message);
  }

  private ApiError timeout(Optional<ApiRoute> route, String service) {
    Duration limit = route.map(r -> properties.timeout(r.backend())).orElse(properties.timeout());
    String within =
        limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    log.warn("{} did not answer within {}", service, within);
    return ApiError.of(ErrorKind.TIMEOUT, service + " did not answer within " + within)
        .withMeta("service", service);
  }

  private static ApiError unavailable(String service, String reason) {
    return ApiError.of(ErrorKind.UNAVAILABLE, service + " is unavailable")
        .withMeta("service", service)
        .withMeta("reason", reason);
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    return find(failure, type) != null;
  }

  private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static @Nullable String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  /** Before Spring Boot's default handler. */
  @Override
  public int getOrder() {
    return -2;
  }
}
