package io.dealflow.playbook.sailwind.web;

import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Role;
import io.dealflow.platform.security.Tenant;
import java.util.UUID;

/** The organization a caller acts for, which scopes every query, and the admin-only check. */
final class Callers {

  private Callers() {}

  /**
   * @throws ApiException 403 for a user who belongs to no organization
   */
  static UUID organization(Tenant caller) {
    UUID orgId = caller.orgId();
    if (orgId == null) {
      throw ApiException.forbidden("You don't belong to an organization");
    }
    return orgId;
  }

  /**
   * @throws ApiException 403 unless the caller is an admin of the organization it acts for (a role
   *     held in another organization does not count)
   */
  static UUID adminOrganization(Tenant caller, String action) {
    UUID orgId = organization(caller);
    if (!caller.hasRoleIn(orgId, Role.ADMIN)) {
      throw ApiException.forbidden("Only admins " + action);
    }
    return orgId;
  }
}
