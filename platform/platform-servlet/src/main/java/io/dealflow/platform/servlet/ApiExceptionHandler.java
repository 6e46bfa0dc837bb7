package io.dealflow.platform.servlet;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ErrorKind;
import io.dealflow.platform.error.FieldViolation;
import io.dealflow.platform.error.Violations;
import io.dealflow.platform.request.BodyLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where exceptions become error responses, in the family of the route. Service code
 * throws {@link ApiException}; Spring's own input failures are translated here so that a client
 * never sees a framework's default error shape. A service's own advice runs first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final ErrorResponder errors;

  public ApiExceptionHandler(ErrorResponder errors) {
    this.errors = errors;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Object> api(ApiException e, HttpServletRequest request) {
    return errors.entity(request, e.error());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Object> invalidBody(
      MethodArgumentNotValidException e, HttpServletRequest request) {
    return errors.entity(request, ApiError.validation(Violations.of(e.getBindingResult())));
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<Object> invalidParameters(
      HandlerMethodValidationException e, HttpServletRequest request) {
    return errors.entity(request, ApiError.validation(Violations.of(e)));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraint(ConstraintViolationException e, HttpServletRequest request) {
    List<FieldViolation> violations =
        e.getConstraintViolations().stream()
            .map(
                v -> {
                  String path = v.getPropertyPath().toString();
                  String field = path.substring(path.lastIndexOf('.') + 1);
                  String annotation =
                      v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
                  return Violations.of(
                      field, Violations.codeOf(new String[] {annotation}), v.getMessage());
                })
            .toList();
    return errors.entity(request, ApiError.validation(violations));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Object> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    if (request.getAttribute(BodyLimitFilter.EXCEEDED) instanceof Long max) {
      return errors.entity(request, BodyLimits.tooLarge(max));
    }
    return errors.entity(
        request,
        ApiError.of(ErrorKind.BAD_REQUEST, "The request body is not valid JSON for this endpoint")
            .withCode("MALFORMED_REQUEST"));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Object> missingParameter(
      MissingServletRequestParameterException e, HttpServletRequest request) {
    return errors.entity(
        request,
        ApiError.validation(
            List.of(Violations.of(e.getParameterName(), "required", "is required"))));
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ResponseEntity<Object> missingHeader(
      MissingRequestHeaderException e, HttpServletRequest request) {
    return errors.entity(
        request,
        ApiError.of(ErrorKind.BAD_REQUEST, "Header " + e.getHeaderName() + " is required"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    ErrorKind kind = isPathVariable(e) ? ErrorKind.NOT_FOUND : ErrorKind.BAD_REQUEST;
    String message =
        kind == ErrorKind.NOT_FOUND
            ? "Resource not found"
            : "Parameter " + e.getName() + " has an invalid value";
    return errors.entity(request, ApiError.of(kind, message));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Object> noRoute(NoResourceFoundException e, HttpServletRequest request) {
    return errors.entity(request, ApiError.of(ErrorKind.NOT_FOUND, "No such endpoint"));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Object> method(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return errors.entity(
        request,
        ApiError.of(ErrorKind.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed"));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Object> mediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return errors.entity(
        request,
        ApiError.of(
            ErrorKind.UNSUPPORTED_MEDIA_TYPE,
            "Content type " + e.getContentType() + " is not supported"));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
    return errors.entity(
        request, ApiError.of(ErrorKind.PAYLOAD_TOO_LARGE, "The upload is larger than allowed"));
  }

  /**
   * The client went away while a response was streaming (it closed a stream of server-sent events,
   * say): an everyday event, and there is no one left to answer.
   */
  @ExceptionHandler(AsyncRequestNotUsableException.class)
  void clientGone(AsyncRequestNotUsableException e, HttpServletRequest request) {
    log.debug(
        "Client left during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> denied(AccessDeniedException e, HttpServletRequest request) {
    return errors.entity(
        request,
        ApiError.of(ErrorKind.FORBIDDEN, "You don't have permission to access this resource"));
  }

  /** Framework exceptions that carry their own status, and everything unforeseen. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
    if (e instanceof ErrorResponse framework && framework.getStatusCode().value() < 500) {
      String detail = framework.getBody().getDetail();
      return errors.entity(
          request,
          ApiError.of(
              ErrorKind.forStatus(framework.getStatusCode().value()),
              detail != null ? detail : "Request failed"));
    }
    log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
    return errors.entity(request, ApiError.of(ErrorKind.INTERNAL, "An unexpected error occurred"));
  }

  private static boolean isPathVariable(MethodArgumentTypeMismatchException e) {
    return e.getParameter()
        .hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
  }
}
