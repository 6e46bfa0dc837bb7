package io.dealflow.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.request.RequestIds;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

class SocketHandshakesTest {

  private final AtomicReference<ServerWebExchange> upgradedExchange = new AtomicReference<>();
  private final AtomicReference<WebSocketHandler> upgradedHandler = new AtomicReference<>();
  private final SocketHandshakes handshakes =
      new SocketHandshakes(
          (exchange, handler) -> {
            upgradedExchange.set(exchange);
            upgradedHandler.set(handler);
            return Mono.empty();
          });
  private final RecordingProtocol protocol = new RecordingProtocol();

  @Test
  void takesTheTokenOffTheUrlAndHandsItToTheProtocolOnce() {
    MockServerWebExchange handshake =
        MockServerWebExchange.from(
            MockServerHttpRequest.get("/ws/events?last_event_id=e-1&token=abc%2Bdef.ghi"));

    handshakes.handleRequest(handshake, protocol).block();
    upgradedHandler.get().handle(session()).block();
    upgradedHandler.get().handle(session()).block();

    assertThat(upgradedExchange.get().getRequest().getURI())
        .hasPath("/ws/events")
        .hasQuery("last_event_id=e-1");
    assertThat(protocol.tokens).containsExactly("abc+def.ghi", null);
  }

  @Test
  void takesABearerTokenOffTheHeadersAndHandsItToTheProtocolOnce() {
    MockServerWebExchange handshake =
        MockServerWebExchange.from(
            MockServerHttpRequest.get("/ws/events?last_event_id=e-1")
                .header(HttpHeaders.AUTHORIZATION, "bearer abc.def.ghi")
                .header("X-Request-Id", "req-1"));

    handshakes.handleRequest(handshake, protocol).block();
    upgradedHandler.get().handle(session()).block();
    upgradedHandler.get().handle(session()).block();

    HttpHeaders upgradedHeaders = upgradedExchange.get().getRequest().getHeaders();
    assertThat(upgradedHeaders.containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
    assertThat(upgradedHeaders.getFirst("X-Request-Id")).isEqualTo("req-1");
    assertThat(upgradedExchange.get().getRequest().getURI()).hasQuery("last_event_id=e-1");
    assertThat(protocol.tokens).containsExactly("abc.def.ghi", null);
  }

  @Test
  void aTokenOnTheUrlWinsOverTheHeaderAndNeitherStays() {
    MockServerWebExchange handshake =
        MockServerWebExchange.from(
            MockServerHttpRequest.get("/cable?token=from-url")
                .header(HttpHeaders.AUTHORIZATION, "Bearer from-header"));

    handshakes.handleRequest(handshake, protocol).block();
    upgradedHandler.get().handle(session()).block();

    assertThat(upgradedExchange.get().getRequest().getURI()).hasNoQuery();
    assertThat(upgradedExchange.get().getRequest().getHeaders().containsHeader("Authorization"))
        .isFalse();
    assertThat(protocol.tokens).containsExactly("from-url");
  }

  @Test
  void anAuthorizationOtherThanBearerIsNoToken() {
    assertThat(SocketHandshakes.bearer("Basic dXNlcjpwYXNz")).isNull();
    assertThat(SocketHandshakes.bearer("Bearer ")).isNull();
    assertThat(SocketHandshakes.bearer(null)).isNull();
    assertThat(SocketHandshakes.bearer("BEARER  tok.en ")).isEqualTo("tok.en");
  }

  @Test
  void theSocketRunsWithTheHandshakesRequestIdButNotWithItsExchange() {
    MockServerWebExchange handshake =
        MockServerWebExchange.from(MockServerHttpRequest.get("/cable"));

    handshakes.handleRequest(handshake, protocol).block();
    upgradedHandler
        .get()
        .handle(session())
        .contextWrite(Context.of(RequestIds.MDC_KEY, "req-1", ServerWebExchange.class, handshake))
        .block();

    ContextView seen = protocol.contexts.getFirst();
    assertThat(seen.getOrDefault(RequestIds.MDC_KEY, "none")).isEqualTo("req-1");
    assertThat(seen.hasKey(ServerWebExchange.class)).isFalse();
    assertThat(seen.size()).isEqualTo(1);
    assertThat(upgradedExchange.get()).isSameAs(handshake);
    assertThat(protocol.tokens).containsExactly((String) null);
  }

  @Test
  void offersTheProtocolsSubProtocols() {
    handshakes
        .handleRequest(MockServerWebExchange.from(MockServerHttpRequest.get("/cable")), protocol)
        .block();

    assertThat(upgradedHandler.get().getSubProtocols()).containsExactly("actioncable-v1-json");
  }

  private static WebSocketSession session() {
    // The recording protocol never touches its session.
    return null;
  }

  private static final class RecordingProtocol implements ProtocolHandler {

    final List<@Nullable String> tokens = new ArrayList<>();
    final List<ContextView> contexts = new ArrayList<>();

    @Override
    public SocketEndpoint endpoint() {
      return SocketEndpoint.CABLE;
    }

    @Override
    public List<String> getSubProtocols() {
      return List.of("actioncable-v1-json");
    }

    @Override
    public Mono<Void> serve(WebSocketSession session, @Nullable String handshakeToken) {
      return Mono.deferContextual(
          context -> {
            tokens.add(handshakeToken);
            contexts.add(context);
            return Mono.empty();
          });
    }
  }
}
