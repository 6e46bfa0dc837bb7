package io.dealflow.realtime.socket;

import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/** A socket protocol served on its endpoint's path. */
public interface ProtocolHandler extends WebSocketHandler {

  SocketEndpoint endpoint();

  /**
   * Serves one socket until it closes.
   *
   * @param handshakeToken the {@code ?token=} the client put on the handshake URL or, without one,
   *     the token of its {@code Authorization: Bearer} header; the session carries neither any more
   *     ({@link SocketHandshakes}); null when there was none
   */
  Mono<Void> serve(WebSocketSession session, @Nullable String handshakeToken);

  @Override
  default Mono<Void> handle(WebSocketSession session) {
    return serve(session, null);
  }
}
