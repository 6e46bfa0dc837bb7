package io.dealflow.identity.web;

import io.dealflow.identity.user.User;
import io.dealflow.identity.user.UserDirectory;
import io.dealflow.identity.user.UserId;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.ApiTokens;
import io.dealflow.platform.security.DealflowClaims;
import io.dealflow.platform.security.Tenant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The profile of the caller. A user created in Keycloak directly (not through this service) gets
 * its row on its first call, from its token's claims.
 */
@Component
public class Callers {

  private final UserDirectory users;

  Callers(UserDirectory users) {
    this.users = users;
  }

  /**
   * @throws ApiException 403 when the call is made with an API token: a token acts for its
   *     organization, not for a person
   */
  public User user(Tenant caller) {
    if (isApiToken()) {
      throw ApiException.forbidden(
          "This endpoint is about a signed-in user; an API token acts for its organization");
    }
    String givenName = "";
    String familyName = "";
    if (SecurityContextHolder.getContext().getAuthentication()
        instanceof JwtAuthenticationToken t) {
      givenName = Objects.requireNonNullElse(t.getToken().getClaimAsString("given_name"), "");
      familyName = Objects.requireNonNullElse(t.getToken().getClaimAsString("family_name"), "");
    }
    return users
        .adopt(UserId.of(caller.userId()), caller.email(), givenName, familyName)
        .orElseThrow(() -> ApiException.notFound("User"));
  }

  /** Whether the current call is made with an organization's API token. */
  public boolean isApiToken() {
    return SecurityContextHolder.getContext().getAuthentication()
            instanceof JwtAuthenticationToken t
        && ApiTokens.isApiToken(t.getToken());
  }

  /** The plan the current API token's organization is on, as the token check found it. */
  public @Nullable String apiTokenPlan() {
    return SecurityContextHolder.getContext().getAuthentication()
            instanceof JwtAuthenticationToken t
        ? t.getToken().getClaimAsString(DealflowClaims.ORG_PLAN)
        : null;
  }
}
