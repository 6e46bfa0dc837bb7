package io.dealflow.platform.reactive;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ErrorKind;
import io.dealflow.platform.error.Violations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

/**
 * The one place where exceptions become error responses in a WebFlux service, in the family of the
 * route. Service code throws {@link ApiException}; the framework's input failures are translated
 * here so that a client never sees a framework's default error shape.
 */
final class PlatformErrorHandler implements ErrorWebExceptionHandler, Ordered {

  private static final Logger log = LoggerFactory.getLogger(PlatformErrorHandler.class);

  private final ReactiveErrors errors;

  PlatformErrorHandler(ReactiveErrors errors) {
    this.errors = errors;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(failure);
    }
    return errors.write(exchange, describe(exchange, failure));
  }

  ApiError describe(ServerWebExchange exchange, Throwable failure) {
    return switch (failure) {
      case ApiException api -> api.error();
      case WebExchangeBindException bind ->
          ApiError.validation(Violations.of(bind.getBindingResult()));
      case HandlerMethodValidationException validation ->
          ApiError.validation(Violations.of(validation));
      case UnsupportedMediaTypeStatusException media ->
          ApiError.of(
              ErrorKind.UNSUPPORTED_MEDIA_TYPE,
              "Content type " + media.getContentType() + " is not supported");
      case MethodNotAllowedException method ->
          ApiError.of(
              ErrorKind.METHOD_NOT_ALLOWED, "Method " + method.getHttpMethod() + " is not allowed");
      case ServerWebInputException input -> input(input);
      case ResponseStatusException status -> fromStatus(status);
      case AccessDeniedException denied ->
          ApiError.of(ErrorKind.FORBIDDEN, "You don't have permission to access this resource");
      case AuthenticationException unauthenticated ->
          ApiError.of(ErrorKind.UNAUTHENTICATED, "Authentication required");
      default -> {
        log.error(
            "Unexpected failure on {} {}",
            exchange.getRequest().getMethod(),
            exchange.getRequest().getPath(),
            failure);
        yield ApiError.of(ErrorKind.INTERNAL, "An unexpected error occurred");
      }
    };
  }

  /** A path variable of the wrong type names nothing that exists: 404, as in the MVC services. */
  private static ApiError input(ServerWebInputException input) {
    if (input.getCause() instanceof TypeMismatchException mismatch) {
      var parameter = input.getMethodParameter();
      if (parameter != null && parameter.hasParameterAnnotation(PathVariable.class)) {
        return ApiError.of(ErrorKind.NOT_FOUND, "Resource not found");
      }
      return ApiError.of(
          ErrorKind.BAD_REQUEST,
          "Parameter " + mismatch.getPropertyName() + " has an invalid value");
    }
    String reason = input.getReason();
    if (reason != null && reason.startsWith("Required")) {
      return ApiError.of(ErrorKind.BAD_REQUEST, reason);
    }
    return ApiError.of(
            ErrorKind.BAD_REQUEST, "The request body is not valid JSON for this endpoint")
        .withCode("MALFORMED_REQUEST");
  }

  private static ApiError fromStatus(ResponseStatusException status) {
    ErrorKind kind = ErrorKind.forStatus(status.getStatusCode().value());
    return switch (kind) {
      case NOT_FOUND -> ApiError.of(kind, "No such endpoint");
      case INTERNAL -> {
        log.error("Request failed with status {}", status.getStatusCode().value(), status);
        yield ApiError.of(kind, "An unexpected error occurred");
      }
      default ->
          ApiError.of(kind, status.getReason() != null ? status.getReason() : "Request failed");
    };
  }

  /** Before Spring Boot's default handler. */
  @Override
  public int getOrder() {
    return -2;
  }
}
