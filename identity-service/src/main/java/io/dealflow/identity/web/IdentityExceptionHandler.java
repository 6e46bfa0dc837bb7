package io.dealflow.identity.web;

import io.dealflow.identity.keycloak.AccountExistsException;
import io.dealflow.identity.keycloak.AccountRejectedException;
import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiFamily;
import io.dealflow.platform.error.ErrorKind;
import io.dealflow.platform.error.FieldViolation;
import io.dealflow.platform.servlet.ErrorResponder;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Keycloak's refusals of account data, in the family of the route. Ordered before the platform's
 * handler, whose catch-all would otherwise answer 500.
 */
@RestControllerAdvice
class IdentityExceptionHandler {

  private final ErrorResponder errors;

  IdentityExceptionHandler(ErrorResponder errors) {
    this.errors = errors;
  }

  @ExceptionHandler(AccountExistsException.class)
  ResponseEntity<Object> exists(AccountExistsException e, HttpServletRequest request) {
    return errors.entity(
        request,
        ApiError.of(ErrorKind.CONFLICT, "An account with this email already exists")
            .withCode("EMAIL_ALREADY_REGISTERED"));
  }

  @ExceptionHandler(AccountRejectedException.class)
  ResponseEntity<Object> rejected(AccountRejectedException e, HttpServletRequest request) {
    boolean snake = errors.familyOf(request) == ApiFamily.TRAINER;
    String field =
        switch (e.part()) {
          case PASSWORD ->
              request.getRequestURI().endsWith("/change-password")
                  ? (snake ? "new_password" : "newPassword")
                  : "password";
          case FIRST_NAME -> snake ? "first_name" : "firstName";
          case LAST_NAME -> snake ? "last_name" : "lastName";
          case EMAIL -> "email";
          case OTHER -> null;
        };
    if (field == null) {
      return errors.entity(request, ApiError.of(ErrorKind.BAD_REQUEST, e.getMessage()));
    }
    String human = Character.toUpperCase(field.charAt(0)) + field.substring(1).replace('_', ' ');
    return errors.entity(
        request,
        ApiError.validation(
            List.of(new FieldViolation(field, "rejected", human + " " + e.getMessage()))));
  }
}
