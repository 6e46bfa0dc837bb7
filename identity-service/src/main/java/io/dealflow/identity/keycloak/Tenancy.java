package io.dealflow.identity.keycloak;

import io.dealflow.platform.security.Role;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a user's tokens must say about organizations: the Keycloak attributes {@code org_id} and
 * {@code org_ids} (mapped into claims by the realm) and the realm role, which is the user's role in
 * the current organization.
 *
 * @param orgId the organization the user acts for, null when the user belongs to none
 * @param orgIds every organization the user belongs to
 * @param role the role in {@code orgId}, null when the user belongs to none
 */
public record Tenancy(@Nullable UUID orgId, List<UUID> orgIds, @Nullable Role role) {

  public Tenancy {
    orgIds = List.copyOf(orgIds);
  }
}
