package io.dealflow.platform.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * An API token could not be checked because identity-service did not answer. The caller gets 503,
 * not 401: the token may well be valid, and a client must retry rather than drop it.
 */
public final class ApiTokenUnavailableException extends OAuth2AuthenticationException {

  public static final String ERROR_CODE = "temporarily_unavailable";

  public ApiTokenUnavailableException(String description, Throwable cause) {
    super(new OAuth2Error(ERROR_CODE, description, null), description, cause);
  }

  /** Whether an authentication failure was this one, possibly wrapped. */
  public static boolean isCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApiTokenUnavailableException) {
        return true;
      }
    }
    return false;
  }
}
