package io.dealflow.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for one service: reads the whole request body, then answers with what it received
 * (method, path, query, headers, the body's size) and its own name, so a test can see exactly what
 * the gateway sent where. It remembers the request ids of the requests that arrived and of those
 * whose body arrived complete. {@code /v3/api-docs} answers like a Spring service; {@code
 * /actuator/health} does so on a management port of its own, as the services do; a path ending in
 * {@code /slow} answers after three seconds; WebSocket handshakes are accepted and every message is
 * echoed with the service's name in front.
 *
 * <p>It also answers with headers a real service might send and the gateway must override: {@code
 * X-XSS-Protection: 0} (Spring Security's default) and a CORS header of its own.
 */
final class EchoBackend implements AutoCloseable {

  static final Duration SLOW = Duration.ofSeconds(3);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Request ids of the requests any stand-in started to receive. */
  static final Set<String> ARRIVED = ConcurrentHashMap.newKeySet();

  /** Request ids of the requests whose body any stand-in received to its end. */
  static final Set<String> COMPLETED = ConcurrentHashMap.newKeySet();

  private final DisposableServer server;
  private final DisposableServer management;

  private EchoBackend(DisposableServer server, DisposableServer management) {
    this.server = server;
    this.management = management;
  }

  static EchoBackend start(String service) {
    DisposableServer management =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(
                routes ->
                    routes.get(
                        "/actuator/health",
                        (request, response) ->
                            response
                                .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                                .sendString(Mono.just("{\"status\":\"UP\"}"))))
            .bindNow();
    DisposableServer server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(
                routes ->
                    routes
                        .ws(
                            request ->
                                "websocket"
                                    .equalsIgnoreCase(
                                        request.requestHeaders().get(HttpHeaderNames.UPGRADE)),
                            (in, out) ->
                                out.sendString(
                                    in.receive()
                                        .asString()
                                        .map(message -> service + ":" + message)),
                            // Larger than the gateway's limit, as realtime-service's transport.
                            WebsocketServerSpec.builder().maxFramePayloadLength(4 << 20).build())
                        .route(
                            request -> true,
                            (request, response) -> answer(service, request, response)))
            .bindNow();
    return new EchoBackend(server, management);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  URI managementUri() {
    return URI.create("http://127.0.0.1:" + management.port());
  }

  @Override
  public void close() {
    server.disposeNow();
    management.disposeNow();
  }

  private static Mono<Void> answer(
      String service, HttpServerRequest request, HttpServerResponse response) {
    String requestId = request.requestHeaders().get("X-Request-Id", "");
    ARRIVED.add(requestId);
    return request
        .receive()
        .aggregate()
        .asByteArray()
        .defaultIfEmpty(new byte[0])
        .flatMap(
            received -> {
              COMPLETED.add(requestId);
              return answer(service, request, response, received.length);
            });
  }

  private static Mono<Void> answer(
      String service, HttpServerRequest request, HttpServerResponse response, int bodyBytes) {
    String path = request.fullPath();
    Object body;
    if (path.equals("/v3/api-docs")) {
      body =
          Map.of(
              "openapi",
              "3.1.0",
              "info",
              Map.of("title", service + "-service", "version", "test"),
              "paths",
              Map.of());
    } else {
      Map<String, String> headers = new TreeMap<>();
      request
          .requestHeaders()
          .forEach(
              entry ->
                  headers.merge(
                      entry.getKey().toLowerCase(), entry.getValue(), (a, b) -> a + ", " + b));
      String uri = request.uri();
      int query = uri.indexOf('?');
      body =
          Map.of(
              "service", service,
              "method", request.method().name(),
              "path", path,
              "query", query < 0 ? "" : uri.substring(query + 1),
              "headers", headers,
              "body_bytes", bodyBytes);
    }
    byte[] json = JSON.writeValueAsBytes(body);
    Mono<Void> send =
        response
            .status(HttpResponseStatus.OK)
            .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
            .header("X-XSS-Protection", "0")
            .header("Access-Control-Allow-Origin", "*")
            .sendByteArray(Mono.just(json))
            .then();
    return path.endsWith("/slow") ? Mono.delay(SLOW).then(send) : send;
  }
}
