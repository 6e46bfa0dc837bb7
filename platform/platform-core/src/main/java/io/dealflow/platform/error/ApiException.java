package io.dealflow.platform.error;

import java.util.List;

/**
 * Thrown by service code for any failure a client should see; the platform renders it in the family
 * of the route that was called.
 */
public class ApiException extends RuntimeException {

  private final ApiError error;

  public ApiException(ApiError error) {
    super(error.message());
    this.error = error;
  }

  public ApiException(ErrorKind kind, String message) {
    this(ApiError.of(kind, message));
  }

  public ApiError error() {
    return error;
  }

  public static ApiException notFound(String what) {
    return new ApiException(ErrorKind.NOT_FOUND, what + " not found");
  }

  public static ApiException forbidden(String message) {
    return new ApiException(ErrorKind.FORBIDDEN, message);
  }

  public static ApiException conflict(String code, String message) {
    return new ApiException(ApiError.of(ErrorKind.CONFLICT, message).withCode(code));
  }

  public static ApiException badRequest(String message) {
    return new ApiException(ErrorKind.BAD_REQUEST, message);
  }

  public static ApiException invalid(String field, String code, String message) {
    return new ApiException(ApiError.validation(List.of(new FieldViolation(field, code, message))));
  }
}
