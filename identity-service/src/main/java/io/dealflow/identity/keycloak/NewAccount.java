package io.dealflow.identity.keycloak;

import io.dealflow.platform.security.Role;
import java.util.UUID;

/**
 * A user to create in Keycloak, already attached to its first organization so that its very first
 * token names it.
 *
 * @param email the email, also used as the username
 * @param password the initial password
 * @param temporaryPassword whether the user must replace the password at the next sign-in
 * @param firstName the first name
 * @param lastName the last name
 * @param role the realm role, the user's role in {@code orgId}
 * @param orgId the organization the user acts for
 * @param plan the plan tier of {@code orgId}
 */
public record NewAccount(
    String email,
    String password,
    boolean temporaryPassword,
    String firstName,
    String lastName,
    Role role,
    UUID orgId,
    String plan) {

  @Override
  public String toString() {
    return "NewAccount[role=" + role + ", orgId=" + orgId + "]";
  }
}
