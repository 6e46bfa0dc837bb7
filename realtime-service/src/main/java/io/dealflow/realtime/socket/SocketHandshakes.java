package io.dealflow.realtime.socket;

import io.dealflow.platform.request.RequestIds;
import io.dealflow.platform.request.TraceContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.WebsocketServerSpec;
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
 *   <li>an {@code Authorization: Bearer} header (server-side and mobile clients, which can send
 *       headers on the handshake) is taken off the request the same way, when the URL carries no
 *       token: the session keeps a copy of the handshake's headers for the socket's life;
 *   <li>each endpoint's transport takes frames up to its own size ({@link SocketSettings.Frames}):
 *       large where audio travels, Netty's 64 KiB elsewhere;
 *   <li>the socket's chain runs with the handshake's request id and trace context only, not with
 *       the request's whole Reactor context (which holds the exchange, its headers and query, and
 *       the security filters' state).
 * </ul>
 */
final class SocketHandshakes implements WebSocketService {

  private static final String TOKEN = "token";
  private static final String BEARER = "Bearer ";
  private static final List<String> KEPT_CONTEXT =
      List.of(RequestIds.MDC_KEY, TraceContext.MDC_KEY, TraceContext.TRACE_ID_MDC_KEY);

  private final Function<@Nullable SocketEndpoint, WebSocketService> upgrades;

  /** Each endpoint's transport takes frames up to its {@code frames} limit. */
  SocketHandshakes(SocketSettings.Frames frames) {
    Map<SocketEndpoint, WebSocketService> byEndpoint = new EnumMap<>(SocketEndpoint.class);
    for (SocketEndpoint endpoint : SocketEndpoint.values()) {
      int maxFrame = frames.transportMax(endpoint);
      byEndpoint.put(
          endpoint,
          new HandshakeWebSocketService(
              new ReactorNettyRequestUpgradeStrategy(
                  () -> WebsocketServerSpec.builder().maxFramePayloadLength(maxFrame))));
    }
    WebSocketService fallback = new HandshakeWebSocketService();
    this.upgrades =
        endpoint -> endpoint == null ? fallback : Objects.requireNonNull(byEndpoint.get(endpoint));
  }

  SocketHandshakes(WebSocketService upgrades) {
    this.upgrades = endpoint -> upgrades;
  }

  @Override
  public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
    if (!(handler instanceof ProtocolHandler protocol)) {
      return upgrades.apply(null).handleRequest(exchange, handler);
    }
    ServerHttpRequest request = exchange.getRequest();
    String raw = request.getQueryParams().getFirst(TOKEN);
    String token =
        raw == null || raw.isBlank() ? null : UriUtils.decode(raw, StandardCharsets.UTF_8);
    String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (token == null) {
      token = bearer(authorization);
    }
    AtomicReference<@Nullable String> once = new AtomicReference<>(token);
    ServerWebExchange upgraded = exchange;
    if (request.getQueryParams().containsKey(TOKEN) || authorization != null) {
      URI withoutToken =
          UriComponentsBuilder.fromUri(request.getURI())
              .replaceQueryParam(TOKEN)
              .build(true)
              .toUri();
      upgraded =
          exchange
              .mutate()
              .request(
                  mutated ->
                      mutated
                          .uri(withoutToken)
                          .headers(headers -> headers.remove(HttpHeaders.AUTHORIZATION)))
              .build();
    }
    return upgrades
        .apply(protocol.endpoint())
        .handleRequest(
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

  /** The token of a {@code Bearer} authorization (scheme in any case), or null. */
  static @Nullable String bearer(@Nullable String authorization) {
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    String token = authorization.substring(BEARER.length()).strip();
    return token.isEmpty() ? null : token;
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
