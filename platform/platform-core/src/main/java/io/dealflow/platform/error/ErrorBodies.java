package io.dealflow.platform.error;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Renders an {@link ApiError} as the error body of one API family. The result is a tree of maps and
 * lists in wire order, ready for any JSON writer.
 *
 * <ul>
 *   <li>hellosales: {@code {"detail": {"code", "message"}}}
 *   <li>trainer: {@code {"detail", "error_code", "timestamp"}}
 *   <li>spotlight: {@code {"errors": [{"status", "title", "detail", "source": {"pointer"},
 *       "meta"}]}}
 *   <li>vectoros: {@code {"error", "code", "details"}}
 *   <li>helioscs: {@code {"error": {"code", "message", "details", "timestamp", "request_id"}}}
 * </ul>
 */
public final class ErrorBodies {

  private ErrorBodies() {}

  public static Map<String, Object> render(
      ApiFamily family, ApiError error, @Nullable String requestId, Instant now) {
    String timestamp = now.truncatedTo(ChronoUnit.MILLIS).toString();
    String code = code(family, error);
    return switch (family) {
      case HELLOSALES -> hellosales(error, code);
      case TRAINER -> trainer(error, code, timestamp);
      case SPOTLIGHT -> spotlight(error, code, requestId);
      case VECTOROS -> vectoros(error, code, requestId);
      case HELIOSCS -> helioscs(error, code, timestamp, requestId);
    };
  }

  /** The code a family uses for an error: the specific one if given, else the family's name. */
  public static String code(ApiFamily family, ApiError error) {
    if (error.code() != null) {
      return error.code();
    }
    ErrorKind kind = error.kind();
    return switch (family) {
      case TRAINER ->
          switch (kind) {
            case UNAUTHENTICATED -> "AUTH_INVALID_TOKEN";
            case INVALID_CREDENTIALS -> "AUTH_INVALID_CREDENTIALS";
            case TOKEN_EXPIRED -> "AUTH_TOKEN_EXPIRED";
            case FORBIDDEN -> "AUTH_INSUFFICIENT_PERMISSIONS";
            default -> commonCode(kind);
          };
      case HELIOSCS ->
          switch (kind) {
            case UNAUTHENTICATED, INVALID_CREDENTIALS, TOKEN_EXPIRED -> "AUTHENTICATION_ERROR";
            case FORBIDDEN -> "AUTHORIZATION_ERROR";
            case BAD_REQUEST -> "VALIDATION_ERROR";
            default -> commonCode(kind);
          };
      case HELLOSALES, SPOTLIGHT, VECTOROS ->
          switch (kind) {
            case UNAUTHENTICATED -> "UNAUTHORIZED";
            default -> commonCode(kind);
          };
    };
  }

  private static String commonCode(ErrorKind kind) {
    return switch (kind) {
      case VALIDATION -> "VALIDATION_ERROR";
      case RATE_LIMITED -> "RATE_LIMIT_EXCEEDED";
      case INTERNAL -> "INTERNAL_ERROR";
      case UNAVAILABLE -> "SERVICE_UNAVAILABLE";
      case TIMEOUT -> "GATEWAY_TIMEOUT";
      default -> kind.name();
    };
  }

  private static Map<String, Object> hellosales(ApiError error, String code) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("code", code);
    detail.put("message", error.message());
    if (!error.violations().isEmpty()) {
      detail.put("fields", fieldList(error.violations()));
    }
    return Map.of("detail", detail);
  }

  private static Map<String, Object> trainer(ApiError error, String code, String timestamp) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("detail", error.message());
    body.put("error_code", code);
    body.put("timestamp", timestamp);
    if (!error.violations().isEmpty()) {
      body.put("errors", fieldList(error.violations()));
    }
    return body;
  }

  private static Map<String, Object> spotlight(
      ApiError error, String code, @Nullable String requestId) {
    String status = Integer.toString(error.status(ApiFamily.SPOTLIGHT));
    String title = spotlightTitle(error.kind());
    List<Map<String, Object>> errors = new ArrayList<>();
    if (error.violations().isEmpty()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("status", status);
      item.put("title", title);
      item.put("detail", error.message());
      Map<String, Object> meta = new LinkedHashMap<>(error.meta());
      meta.put("code", code);
      if (requestId != null) {
        meta.put("request_id", requestId);
      }
      item.put("meta", meta);
      errors.add(item);
    } else {
      for (FieldViolation violation : error.violations()) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("status", status);
        item.put("title", title);
        item.put("detail", violation.message());
        item.put("source", Map.of("pointer", "/data/attributes/" + attributeName(violation)));
        item.put("meta", Map.of("field", violation.field(), "code", violation.code()));
        errors.add(item);
      }
    }
    return Map.of("errors", errors);
  }

  private static Map<String, Object> vectoros(
      ApiError error, String code, @Nullable String requestId) {
    Map<String, Object> details = new LinkedHashMap<>(error.meta());
    if (!error.violations().isEmpty()) {
      Map<String, String> fields = new LinkedHashMap<>();
      error.violations().forEach(v -> fields.putIfAbsent(v.field(), v.message()));
      details.put("fields", fields);
    }
    if (requestId != null) {
      details.put("requestId", requestId);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error.message());
    body.put("code", code);
    body.put("details", details);
    return body;
  }

  private static Map<String, Object> helioscs(
      ApiError error, String code, String timestamp, @Nullable String requestId) {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("code", code);
    inner.put("message", error.message());
    List<Object> details = new ArrayList<>(fieldList(error.violations()));
    if (!error.meta().isEmpty()) {
      details.add(error.meta());
    }
    inner.put("details", details);
    inner.put("timestamp", timestamp);
    inner.put("request_id", requestId);
    return Map.of("error", inner);
  }

  private static List<Map<String, String>> fieldList(List<FieldViolation> violations) {
    return violations.stream()
        .map(v -> Map.of("field", v.field(), "message", v.message()))
        .toList();
  }

  /**
   * The JSON pointer below {@code /data/attributes} of a field: Spotlight bodies wrap the
   * attributes in a resource key ({@code lead.email} is the attribute {@code email}), and nested
   * attributes keep their path ({@code assistant.voice_settings.speed} is {@code
   * voice_settings/speed}; {@code tags[2]} is {@code tags/2}).
   */
  static String attributeName(FieldViolation violation) {
    String field = violation.field();
    int dot = field.indexOf('.');
    String attribute = dot < 0 ? field : field.substring(dot + 1);
    return attribute.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
  }

  private static String spotlightTitle(ErrorKind kind) {
    return switch (kind) {
      case BAD_REQUEST -> "Bad Request";
      case VALIDATION -> "Validation Error";
      case UNAUTHENTICATED, INVALID_CREDENTIALS, TOKEN_EXPIRED -> "Authentication Error";
      case FORBIDDEN -> "Authorization Error";
      case NOT_FOUND -> "Not Found";
      case METHOD_NOT_ALLOWED -> "Method Not Allowed";
      case CONFLICT -> "Conflict";
      case PAYLOAD_TOO_LARGE -> "Payload Too Large";
      case UNSUPPORTED_MEDIA_TYPE -> "Unsupported Media Type";
      case RATE_LIMITED -> "Rate Limit Exceeded";
      case INTERNAL -> "Internal Server Error";
      case BAD_GATEWAY -> "Bad Gateway";
      case UNAVAILABLE -> "Service Unavailable";
      case TIMEOUT -> "Gateway Timeout";
    };
  }
}
