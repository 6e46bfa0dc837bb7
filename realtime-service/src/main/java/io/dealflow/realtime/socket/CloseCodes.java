package io.dealflow.realtime.socket;

import org.springframework.web.reactive.socket.CloseStatus;

/** The close codes a client can act on: 44xx mirror the HTTP status a request would have got. */
public final class CloseCodes {

  public static final int UNAUTHORIZED = 4401;
  public static final int FORBIDDEN = 4403;
  public static final int IDLE_TIMEOUT = 4408;
  public static final int TOO_MANY_SOCKETS = 4429;
  public static final int POLICY = 1008;
  public static final int TOO_BIG = 1009;

  private CloseCodes() {}

  public static CloseStatus unauthorized(String reason) {
    return new CloseStatus(UNAUTHORIZED, reason);
  }

  public static CloseStatus forbidden(String reason) {
    return new CloseStatus(FORBIDDEN, reason);
  }

  public static CloseStatus idle() {
    return new CloseStatus(IDLE_TIMEOUT, "idle timeout");
  }

  public static CloseStatus tooMany(int limit) {
    return new CloseStatus(TOO_MANY_SOCKETS, "too many sockets: at most " + limit + " per user");
  }

  /** A message past the transport's limit ({@code dealflow.realtime.sockets.frames}). */
  public static CloseStatus tooBig(String reason) {
    return new CloseStatus(TOO_BIG, reason);
  }

  public static CloseStatus policy(String reason) {
    return new CloseStatus(POLICY, reason);
  }
}
