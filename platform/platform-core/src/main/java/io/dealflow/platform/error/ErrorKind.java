package io.dealflow.platform.error;

/** What went wrong, independent of how a family spells it. */
public enum ErrorKind {
  BAD_REQUEST(400),
  /** Well-formed input with invalid fields; the status depends on the family. */
  VALIDATION(0),
  UNAUTHENTICATED(401),
  INVALID_CREDENTIALS(401),
  TOKEN_EXPIRED(401),
  FORBIDDEN(403),
  NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  CONFLICT(409),
  PAYLOAD_TOO_LARGE(413),
  UNSUPPORTED_MEDIA_TYPE(415),
  RATE_LIMITED(429),
  INTERNAL(500),
  BAD_GATEWAY(502),
  UNAVAILABLE(503),
  TIMEOUT(504);

  private final int status;

  ErrorKind(int status) {
    this.status = status;
  }

  public int status(ApiFamily family) {
    return this == VALIDATION ? family.validationStatus() : status;
  }

  /** The kind a bare HTTP status stands for, used when a framework reports only a status. */
  public static ErrorKind forStatus(int status) {
    return switch (status) {
      case 400 -> BAD_REQUEST;
      case 401 -> UNAUTHENTICATED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 409 -> CONFLICT;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 422 -> VALIDATION;
      case 429 -> RATE_LIMITED;
      case 502 -> BAD_GATEWAY;
      case 503 -> UNAVAILABLE;
      case 504 -> TIMEOUT;
      default -> status >= 500 ? INTERNAL : BAD_REQUEST;
    };
  }
}
