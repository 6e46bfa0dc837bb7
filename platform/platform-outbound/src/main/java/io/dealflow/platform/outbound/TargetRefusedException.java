package io.dealflow.platform.outbound;

import java.net.UnknownHostException;

/**
 * A target that may not be called. The message is safe to show to whoever configured the URL. An
 * {@link UnknownHostException}, so that a client resolving through {@link OutboundTargets} fails
 * with it before any connection is made.
 */
public final class TargetRefusedException extends UnknownHostException {

  /** Why a target was refused. */
  public enum Reason {
    /** Not an absolute http(s) URL with a host, or one with credentials. */
    INVALID_URL,
    /** The host does not resolve. */
    UNRESOLVED,
    /** The host resolves to an internal address. */
    INTERNAL
  }

  private final Reason reason;

  public TargetRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
