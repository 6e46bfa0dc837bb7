package io.dealflow.platform.reactive;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiFamily;
import io.dealflow.platform.error.ApiFamilyResolver;
import io.dealflow.platform.error.ErrorBodies;
import io.dealflow.platform.request.RequestIds;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes an {@link ApiError} as the response, in the family of the request's path. */
public final class ReactiveErrors {

  private final ApiFamilyResolver families;
  private final JsonMapper json;
  private final Clock clock;

  public ReactiveErrors(ApiFamilyResolver families, JsonMapper json, Clock clock) {
    this.families = families;
    this.json = json;
    this.clock = clock;
  }

  public ApiFamily familyOf(ServerWebExchange exchange) {
    return families.resolve(exchange.getRequest().getPath().pathWithinApplication().value());
  }

  public Mono<Void> write(ServerWebExchange exchange, ApiError error) {
    return write(exchange, error, headers -> {});
  }

  public Mono<Void> write(
      ServerWebExchange exchange, ApiError error, Consumer<HttpHeaders> extraHeaders) {
    ApiFamily family = familyOf(exchange);
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatus.valueOf(error.status(family)));
    HttpHeaders headers = response.getHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setCacheControl("no-store");
    if (error.meta().get("retry_after") instanceof Number seconds) {
      headers.set(HttpHeaders.RETRY_AFTER, seconds.toString());
    }
    extraHeaders.accept(headers);
    byte[] body =
        json.writeValueAsBytes(
            ErrorBodies.render(family, error, requestId(exchange), clock.instant()));
    headers.setContentLength(body.length);
    return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
  }

  static String requestId(ServerWebExchange exchange) {
    Object id = exchange.getAttribute(RequestIds.MDC_KEY);
    return id != null
        ? id.toString()
        : RequestIds.acceptOrGenerate(
            exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
  }
}
