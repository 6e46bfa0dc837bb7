package io.dealflow.realtime.socket;

import org.springframework.web.reactive.socket.WebSocketHandler;

/** A socket protocol served on its endpoint's path. */
public interface ProtocolHandler extends WebSocketHandler {

  SocketEndpoint endpoint();
}
