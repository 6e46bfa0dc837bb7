package io.dealflow.support.access;

import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Role;
import io.dealflow.platform.security.Tenant;
import java.util.UUID;

/**
 * The organization a caller acts for, which scopes every query, and the HeliosCS roles: the
 * organization's <em>staff</em> (its agents, managers and admins) handle every chat session and
 * ticket, write the knowledge base and read analytics; any other member is a customer, who sees
 * only the sessions and tickets it opened.
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
   * Whether the caller is staff of the organization it acts for (a role elsewhere does not count).
   */
  public static boolean isStaff(Tenant caller) {
    UUID orgId = caller.orgId();
    return orgId != null && caller.hasRoleIn(orgId, Role.AGENT, Role.MANAGER, Role.ADMIN);
  }

  /**
   * @throws ApiException 403 {@code AUTHORIZATION_ERROR} unless the caller is staff of its
   *     organization
   */
  public static UUID staffOrganization(Tenant caller, String action) {
    UUID orgId = organization(caller);
    if (!isStaff(caller)) {
      throw ApiException.forbidden("Only the organization's agents, managers and admins " + action);
    }
    return orgId;
  }
}
