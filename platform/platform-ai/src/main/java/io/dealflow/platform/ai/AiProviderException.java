package io.dealflow.platform.ai;

import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The AI provider did not answer. The message never carries the API key; {@link #reason()} tells a
 * service which chat error to show.
 */
public final class AiProviderException extends RuntimeException {

  /** Why the provider did not answer. */
  public enum Reason {
    /** The API refused the credentials (401, 403): the API key is missing or wrong. */
    NOT_AUTHORIZED,
    /** The API is rate limiting this service (429). */
    RATE_LIMITED,
    /** The API refused the request itself (other 4xx), e.g. an unknown model. */
    REJECTED,
    /** The API failed (5xx), could not be reached, or broke off the answer. */
    UNAVAILABLE,
    /** The API did not answer within {@code dealflow.ai.read-timeout} / {@code request-timeout}. */
    TIMED_OUT
  }

  private final Reason reason;
  private final @Nullable Integer status;

  AiProviderException(Reason reason, @Nullable Integer status, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.status = status;
  }

  public Reason reason() {
    return reason;
  }

  /** The API's HTTP status, when it answered with one. */
  public OptionalInt status() {
    return status == null ? OptionalInt.empty() : OptionalInt.of(status);
  }
}
