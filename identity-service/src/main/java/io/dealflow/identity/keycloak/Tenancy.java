package io.dealflow.identity.keycloak;

import io.dealflow.platform.security.Role;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a user's tokens must say about organizations: the Keycloak attributes {@code org_id}, {@code
 * org_ids}, {@code org_roles} and {@code org_plan} (mapped into claims by the realm) and the realm
 * role, which is the user's role in the current organization.
 *
 * @param orgId the organization the user acts for, null when the user belongs to none
 * @param orgIds every organization the user belongs to
 * @param roles the role in each organization of {@code orgIds}
 * @param plan the plan tier of {@code orgId}, null when the user belongs to none
 */
public record Tenancy(
    @Nullable UUID orgId, List<UUID> orgIds, Map<UUID, Role> roles, @Nullable String plan) {

  public Tenancy {
    orgIds = List.copyOf(orgIds);
    roles = Map.copyOf(roles);
  }

  /** A user of no organization. */
  public static Tenancy none() {
    return new Tenancy(null, List.of(), Map.of(), null);
  }

  /** The role in {@code orgId} (the realm role), null when the user belongs to none. */
  public @Nullable Role role() {
    return orgId == null ? null : roles.get(orgId);
  }

  /** The {@code org_roles} attribute: a JSON object of organization id to role id. */
  static String rolesJson(Map<UUID, Role> roles) {
    StringBuilder json = new StringBuilder("{");
    new TreeMap<>(roles)
        .forEach(
            (org, role) -> {
              if (json.length() > 1) {
                json.append(',');
              }
              // Ids and role names are UUIDs and lower-case letters: nothing to escape.
              json.append('"').append(org).append("\":\"").append(role.id()).append('"');
            });
    return json.append('}').toString();
  }
}
