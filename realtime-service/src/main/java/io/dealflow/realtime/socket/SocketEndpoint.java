package io.dealflow.realtime.socket;

/** The socket protocols this service speaks, each on its own path with its own limits. */
public enum SocketEndpoint {
  HELLOSALES("/ws"),
  EVENTS("/ws/events"),
  CABLE("/cable");

  private final String path;

  SocketEndpoint(String path) {
    this.path = path;
  }

  public String path() {
    return path;
  }

  /** Whether a request is a handshake of one of the socket protocols. */
  public static boolean isSocketPath(String requestPath) {
    for (SocketEndpoint endpoint : values()) {
      if (endpoint.path.equals(requestPath)) {
        return true;
      }
    }
    return false;
  }
}
