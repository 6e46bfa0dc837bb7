package io.dealflow.platform.servlet;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiFamily;
import io.dealflow.platform.error.ApiFamilyResolver;
import io.dealflow.platform.error.ErrorBodies;
import io.dealflow.platform.request.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** Turns an {@link ApiError} into the response body of the family the request's path is in. */
public class ErrorResponder {

  private final ApiFamilyResolver families;
  private final JsonMapper json;
  private final Clock clock;

  public ErrorResponder(ApiFamilyResolver families, JsonMapper json, Clock clock) {
    this.families = families;
    this.json = json;
    this.clock = clock;
  }

  public ApiFamily familyOf(HttpServletRequest request) {
    return families.resolve(pathOf(request));
  }

  public Map<String, Object> body(HttpServletRequest request, ApiError error) {
    return ErrorBodies.render(familyOf(request), error, requestId(request), clock.instant());
  }

  public ResponseEntity<Object> entity(HttpServletRequest request, ApiError error) {
    ApiFamily family = familyOf(request);
    ResponseEntity.BodyBuilder builder =
        ResponseEntity.status(error.status(family)).contentType(MediaType.APPLICATION_JSON);
    if (error.meta().get("retry_after") instanceof Number seconds) {
      builder.header(HttpHeaders.RETRY_AFTER, seconds.toString());
    }
    return builder.body(ErrorBodies.render(family, error, requestId(request), clock.instant()));
  }

  /** For filters that run before MVC (security), where no message converter is at hand. */
  public void write(HttpServletRequest request, HttpServletResponse response, ApiError error)
      throws IOException {
    ApiFamily family = familyOf(request);
    response.setStatus(error.status(family));
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(
        response.getOutputStream(),
        ErrorBodies.render(family, error, requestId(request), clock.instant()));
  }

  private static String pathOf(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context.isEmpty() ? uri : uri.substring(context.length());
  }

  private static String requestId(HttpServletRequest request) {
    Object id = request.getAttribute(RequestIds.MDC_KEY);
    return id != null
        ? id.toString()
        : RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
  }
}
