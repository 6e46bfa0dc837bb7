package io.dealflow.gateway.security;

import io.dealflow.gateway.web.GatewayErrors;
import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ErrorKind;
import io.dealflow.platform.security.ApiTokenUnavailableException;
import io.dealflow.platform.security.JwtRules;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's 401 and 403 answers: in the route's error format, with the RFC 6750 {@code
 * WWW-Authenticate} challenge, and {@code TOKEN_EXPIRED} for an expired token so that clients know
 * to refresh rather than to log in again. Why a token was refused stays in the logs.
 */
final class BearerErrors implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

  private static final String REALM = "Bearer realm=\"dealflow\"";

  private final GatewayErrors errors;

  BearerErrors(GatewayErrors errors) {
    this.errors = errors;
  }

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
    if (ApiTokenUnavailableException.isCause(failure)) {
      return errors.write(
          exchange,
          ApiError.of(ErrorKind.UNAVAILABLE, "The API token cannot be checked right now"),
          headers -> headers.set(HttpHeaders.RETRY_AFTER, "5"));
    }
    if (failure instanceof AuthenticationServiceException) {
      return errors.handle(exchange, failure);
    }
    ApiError error;
    String challenge;
    if (JwtRules.isExpiry(failure)) {
      error = ApiError.of(ErrorKind.TOKEN_EXPIRED, "The access token has expired");
      challenge = invalidToken("The access token expired");
    } else if (failure instanceof InvalidBearerTokenException) {
      error = ApiError.of(ErrorKind.UNAUTHENTICATED, "The access token is invalid");
      challenge = invalidToken("The access token is invalid");
    } else {
      error = ApiError.of(ErrorKind.UNAUTHENTICATED, "Authentication required");
      challenge = REALM;
    }
    return errors.write(
        exchange, error, headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge));
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    ApiError error =
        ApiError.of(ErrorKind.FORBIDDEN, "You don't have permission to access this resource");
    return errors.write(
        exchange,
        error,
        headers ->
            headers.set(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"insufficient_scope\""));
  }

  private static String invalidToken(String description) {
    return REALM + ", error=\"invalid_token\", error_description=\"" + description + "\"";
  }
}
