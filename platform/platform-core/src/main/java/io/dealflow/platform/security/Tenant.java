package io.dealflow.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling and for which organization, read from a validated token. Every query a service
 * runs is scoped by {@link #orgId()}.
 *
 * @param userId the Keycloak subject
 * @param email the user's email, when the token carries it
 * @param orgId the organization the user acts for; null for a user who belongs to none yet
 * @param orgIds every organization the user belongs to (contains {@code orgId})
 * @param roles the user's realm roles that the suite knows
 */
public record Tenant(
    UUID userId, @Nullable String email, @Nullable UUID orgId, Set<UUID> orgIds, Set<Role> roles) {

  public Tenant {
    orgIds = Set.copyOf(orgIds);
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
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
        roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
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
