package io.dealflow.identity.organization;

import io.dealflow.identity.user.User;
import io.dealflow.platform.security.Role;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A user with the organization it acts for: the one its token names when the user still belongs to
 * it, else its first. Every "current user" response is rendered from this.
 *
 * @param user the user
 * @param organization the organization the user acts for, null when it belongs to none
 * @param role the user's role there
 * @param joinedAt when the user joined it
 */
public record Affiliation(
    User user,
    @Nullable Organization organization,
    @Nullable Role role,
    @Nullable Instant joinedAt) {

  public static Affiliation none(User user) {
    return new Affiliation(user, null, null, null);
  }
}
