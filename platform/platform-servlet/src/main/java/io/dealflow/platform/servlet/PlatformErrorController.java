package io.dealflow.platform.servlet;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ErrorKind;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen outside MVC (in filters, or the container) reach {@code /error}; they answer
 * in the family format too, never with the framework's default page.
 */
@RestController
class PlatformErrorController implements ErrorController {

  private final ErrorResponder errors;

  PlatformErrorController(ErrorResponder errors) {
    this.errors = errors;
  }

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<Object> error(HttpServletRequest request) {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int code = status instanceof Integer value ? value : 500;
    ErrorKind kind = ErrorKind.forStatus(code);
    String message = code >= 500 ? "An unexpected error occurred" : "Request failed";
    return errors.entity(request, ApiError.of(kind, message));
  }
}
