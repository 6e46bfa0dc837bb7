package io.dealflow.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling and for which organization, read from a validated token. Every query a service
 * runs is scoped by {@link #orgId()}.
 *
 * <p>A role belongs to an organization: {@link #roleIn(UUID)} answers the role the user has in one
 * organization, from the token's {@code org_roles} claim ({@code {"<org id>": "admin", ...}},
 * filled by the realm from identity-service's memberships). Every admin- or manager-only check asks
 * it about the organization that owns the resource, never about a role held elsewhere.
 *
 * @param userId the Keycloak subject
 * @param email the user's email, when the token carries it
 * @param orgId the organization the user acts for; null for a user who belongs to none yet
 * @param orgIds every organization the user belongs to (contains {@code orgId})
 * @param roles the user's realm roles that the suite knows: its role in {@code orgId}
 * @param orgRoles the user's role in each of its organizations
 */
public record Tenant(
    UUID userId,
    @Nullable String email,
    @Nullable UUID orgId,
    Set<UUID> orgIds,
    Set<Role> roles,
    Map<UUID, Role> orgRoles) {

  public Tenant {
    orgIds = Set.copyOf(orgIds);
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    orgRoles = Map.copyOf(orgRoles);
  }

  public static Tenant of(Jwt jwt) {
    Set<UUID> orgIds = new LinkedHashSet<>();
    UUID orgId = parse(jwt.getClaimAsString(DealflowClaims.ORG_ID));
    if (orgId != null) {
      orgIds.add(orgId);
    }
    if (jwt.getClaim(DealflowClaims.ORG_IDS) instanceof Collection<?> many) {
      many.forEach(
          value -> {
            UUID id = parse(String.valueOf(value));
            if (id != null) {
              orgIds.add(id);
            }
          });
    }
    if (orgId == null && orgIds.size() == 1) {
      orgId = orgIds.iterator().next();
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    KeycloakRoles.realmRoles(jwt).forEach(name -> Role.fromId(name).ifPresent(roles::add));
    return new Tenant(
        UUID.fromString(jwt.getSubject()),
        jwt.getClaimAsString(DealflowClaims.EMAIL),
        orgId,
        orgIds,
        roles,
        orgRoles(jwt, orgId, orgIds, roles));
  }

  /**
   * The role in each organization. A token without {@code org_roles} (issued before the claim
   * existed) states only the role in its current organization, through its realm role; it gets no
   * role anywhere else. A role named for an organization the token does not list is ignored.
   */
  private static Map<UUID, Role> orgRoles(
      Jwt jwt, @Nullable UUID orgId, Set<UUID> orgIds, Set<Role> realmRoles) {
    Map<UUID, Role> byOrg = new LinkedHashMap<>();
    if (jwt.getClaims().get(DealflowClaims.ORG_ROLES) instanceof Map<?, ?> claimed) {
      claimed.forEach(
          (org, role) -> {
            UUID id = parse(String.valueOf(org));
            Optional<Role> parsed = Role.fromId(String.valueOf(role));
            if (id != null && orgIds.contains(id) && parsed.isPresent()) {
              byOrg.put(id, parsed.get());
            }
          });
      return byOrg;
    }
    if (orgId != null && realmRoles.size() == 1) {
      byOrg.put(orgId, realmRoles.iterator().next());
    }
    return byOrg;
  }

  /** The user's role in {@code organization}; empty when it has none there. */
  public Optional<Role> roleIn(UUID organization) {
    return Optional.ofNullable(orgRoles.get(organization));
  }

  /** Whether the user holds one of {@code anyOf} in {@code organization}. */
  public boolean hasRoleIn(UUID organization, Role... anyOf) {
    Role role = orgRoles.get(organization);
    if (role == null) {
      return false;
    }
    for (Role wanted : anyOf) {
      if (wanted == role) {
        return true;
      }
    }
    return false;
  }

  public boolean belongsTo(UUID organization) {
    return orgIds.contains(organization);
  }

  private static @Nullable UUID parse(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.trim());
    } catch (IllegalArgumentException notAUuid) {
      return null;
    }
  }
}
