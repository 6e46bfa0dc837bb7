package io.dealflow.realtime.socket;

import io.dealflow.platform.request.RequestIds;
import io.dealflow.platform.request.TraceContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Upgrades socket handshakes so that a socket keeps nothing of its handshake request but what it
 * needs. A socket's reactive chain lives as long as the socket (hours), and keeps whatever it
 * references reachable:
 *
 * <ul>
 *   <li>a {@code ?token=} is taken off the URL and handed to the protocol handler once: the URL is
 *       kept in the session and in the chain's diagnostic description (printed with any error's
 *       traceback), so the token could otherwise reach a log line, and every idle socket would
 *       carry more copies of a 1.5 KB token;
 *   <li>the socket's chain runs with the handshake's request id and trace context only, not with
 *       the request's whole Reactor context (which holds the exchange, its headers and query, and
 *       the security filters' state).
 * </ul>
 */
final class SocketHandshakes implements WebSocketService {

  private static final String TOKEN = "token";
  private static final List<String> KEPT_CONTEXT =
      List.of(RequestIds.MDC_KEY, TraceContext.MDC_KEY, TraceContext.TRACE_ID_MDC_KEY);

  private final WebSocketService upgrades;

  SocketHandshakes() {
    this(new HandshakeWebSocketService());
  }

  SocketHandshakes(WebSocketService upgrades) {
    this.upgrades = upgrades;
  }

  @Override
  public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
    if (!(handler instanceof ProtocolHandler protocol)) {
      return upgrades.handleRequest(exchange, handler);
    }
    ServerHttpRequest request = exchange.getRequest();
    String raw = request.getQueryParams().getFirst(TOKEN);
    AtomicReference<@Nullable String> once =
        new AtomicReference<>(
            raw == null || raw.isBlank() ? null : UriUtils.decode(raw, StandardCharsets.UTF_8));
    ServerWebExchange upgraded = exchange;
    if (request.getQueryParams().containsKey(TOKEN)) {
      URI withoutToken =
          UriComponentsBuilder.fromUri(request.getURI())
              .replaceQueryParam(TOKEN)
              .build(true)
              .toUri();
      upgraded = exchange.mutate().request(mutated -> mutated.uri(withoutToken)).build();
    }
    return upgrades.handleRequest(
        upgraded,
        new WebSocketHandler() {
          @Override
          public List<String> getSubProtocols() {
            return protocol.getSubProtocols();
          }

          @Override
          public Mono<Void> handle(WebSocketSession session) {
            return protocol
                .serve(session, once.getAndSet(null))
                .contextWrite(SocketHandshakes::socketContext);
          }
        });
  }

  private static Context socketContext(ContextView handshake) {
    Context kept = Context.empty();
    for (String key : KEPT_CONTEXT) {
      if (handshake.hasKey(key)) {
        kept = kept.put(key, handshake.get(key));
      }
    }
    return kept;
  }
}
