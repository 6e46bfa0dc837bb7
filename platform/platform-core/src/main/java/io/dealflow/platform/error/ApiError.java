package io.dealflow.platform.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An error as the suite thinks of it; {@link ErrorBodies} renders it in a family's format.
 *
 * @param kind what went wrong
 * @param message a sentence for people
 * @param code a specific code that replaces the family's default one (e.g. {@code EMAIL_TAKEN})
 * @param violations the invalid fields, for validation errors
 * @param meta extra facts a client can act on, e.g. {@code retry_after} or {@code service}
 */
public record ApiError(
    ErrorKind kind,
    String message,
    @Nullable String code,
    List<FieldViolation> violations,
    Map<String, Object> meta) {

  public ApiError {
    violations = List.copyOf(violations);
    meta = Map.copyOf(meta);
  }

  public static ApiError of(ErrorKind kind, String message) {
    return new ApiError(kind, message, null, List.of(), Map.of());
  }

  public static ApiError validation(List<FieldViolation> violations) {
    String message =
        violations.size() == 1 ? violations.getFirst().message() : "Request validation failed";
    return new ApiError(ErrorKind.VALIDATION, message, null, violations, Map.of());
  }

  public ApiError withCode(String specificCode) {
    return new ApiError(kind, message, specificCode, violations, meta);
  }

  public ApiError withMeta(String key, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(meta);
    more.put(key, value);
    return new ApiError(kind, message, code, violations, more);
  }

  public int status(ApiFamily family) {
    return kind.status(family);
  }
}
