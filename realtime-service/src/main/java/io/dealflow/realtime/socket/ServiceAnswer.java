package io.dealflow.realtime.socket;

import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * What another service answered a socket's request: its status and JSON body (an empty object when
 * it sent none or no JSON), or status 0 when it could not be reached in time. The protocols that
 * relay a client's request to the service that owns it read its answer through this.
 */
public record ServiceAnswer(int status, JsonNode body) {

  public static ServiceAnswer unreachable() {
    return new ServiceAnswer(0, SocketJson.object());
  }

  public boolean reachable() {
    return status > 0;
  }

  /**
   * Sends the request and reads the answer whatever its status; {@code onUnreachable} hears why
   * there was none.
   */
  public static Mono<ServiceAnswer> of(
      WebClient.RequestHeadersSpec<?> request,
      Duration timeout,
      Consumer<Throwable> onUnreachable) {
    return request
        .exchangeToMono(
            response ->
                response
                    .bodyToMono(String.class)
                    .defaultIfEmpty("{}")
                    .map(
                        body -> {
                          JsonNode parsed = SocketJson.readObject(body);
                          return new ServiceAnswer(
                              response.statusCode().value(),
                              parsed == null ? SocketJson.object() : parsed);
                        }))
        .timeout(timeout)
        .onErrorResume(
            failure -> {
              onUnreachable.accept(failure);
              return Mono.just(unreachable());
            });
  }
}
