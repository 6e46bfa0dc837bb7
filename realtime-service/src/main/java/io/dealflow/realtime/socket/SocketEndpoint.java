package io.dealflow.realtime.socket;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** The socket protocols this service speaks, each on its own path with its own limits. */
public enum SocketEndpoint {
  HELLOSALES("/ws"),
  EVENTS("/ws/events"),
  CABLE("/cable"),
  /** The Voice Sales Trainer's call, one path per training session. */
  VOICE("/ws/voice/{session_id}"),
  /** HeliosCS live chat, one path per support chat session. */
  CHAT("/ws/chat/{session_id}");

  private final String path;
  private final PathPattern pattern;

  SocketEndpoint(String path) {
    this.path = path;
    this.pattern = PathPatternParser.defaultInstance.parse(path);
  }

  /**
   * The handshake path, a pattern for {@link #VOICE} and {@link #CHAT} (and the metrics' {@code
   * endpoint} tag).
   */
  public String path() {
    return path;
  }

  /** Whether a request path is a handshake of this protocol. */
  public boolean matches(String requestPath) {
    return pattern.matches(PathContainer.parsePath(requestPath));
  }

  /** Whether a request is a handshake of one of the socket protocols. */
  public static boolean isSocketPath(String requestPath) {
    for (SocketEndpoint endpoint : values()) {
      if (endpoint.matches(requestPath)) {
        return true;
      }
    }
    return false;
  }
}
