package io.dealflow.realtime.socket;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/** What a client put on the handshake URL: browsers cannot send headers with a WebSocket. */
public final class Handshake {

  private Handshake() {}

  public static @Nullable String query(WebSocketSession session, String name) {
    String raw =
        UriComponentsBuilder.fromUri(session.getHandshakeInfo().getUri())
            .build()
            .getQueryParams()
            .getFirst(name);
    return raw == null || raw.isBlank() ? null : UriUtils.decode(raw, StandardCharsets.UTF_8);
  }
}
