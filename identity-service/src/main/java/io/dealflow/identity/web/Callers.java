package io.dealflow.identity.web;

import io.dealflow.identity.user.User;
import io.dealflow.identity.user.UserDirectory;
import io.dealflow.identity.user.UserId;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Tenant;
import java.util.Objects;
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

  public User user(Tenant caller) {
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
}
