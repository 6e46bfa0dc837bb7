package io.dealflow.crm.jsonapi;

import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Tenant;
import java.util.UUID;

/** The organization a caller acts for, which scopes every query it makes. */
public final class Callers {

  private Callers() {}

  /**
   * @throws ApiException 403 for a user who belongs to no organization: there is nothing of theirs
   *     to show
   */
  public static UUID organization(Tenant caller) {
    UUID orgId = caller.orgId();
    if (orgId == null) {
      throw ApiException.forbidden("You don't belong to an organization");
    }
    return orgId;
  }
}
