package io.dealflow.training.access;

import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Role;
import io.dealflow.platform.security.Tenant;
import java.util.UUID;

/**
 * The organization a caller acts for, which scopes every query, and the role checks of the Voice
 * Sales Trainer: admins manage scenarios; managers and admins read their reps' sessions.
 */
public final class Access {

  private Access() {}

  /**
   * @throws ApiException 403 for a user who belongs to no organization
   */
  public static UUID organization(Tenant caller) {
    UUID orgId = caller.orgId();
    if (orgId == null) {
      throw ApiException.forbidden("You don't belong to an organization");
    }
    return orgId;
  }

  /**
   * @throws ApiException 403 {@code AUTH_INSUFFICIENT_PERMISSIONS} unless the caller is an admin of
   *     the organization it acts for (a role held elsewhere does not count)
   */
  public static UUID adminOrganization(Tenant caller, String action) {
    UUID orgId = organization(caller);
    if (!caller.hasRoleIn(orgId, Role.ADMIN)) {
      throw ApiException.forbidden("Only admins of the organization " + action);
    }
    return orgId;
  }

  /** Whether the caller may read other members' sessions in its organization. */
  public static boolean readsTeam(Tenant caller) {
    UUID orgId = caller.orgId();
    return orgId != null && caller.hasRoleIn(orgId, Role.ADMIN, Role.MANAGER);
  }
}
