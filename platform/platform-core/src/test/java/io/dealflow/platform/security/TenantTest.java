package io.dealflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class TenantTest {

  private static final UUID USER = UUID.randomUUID();
  private static final UUID ORG = UUID.randomUUID();
  private static final UUID OTHER_ORG = UUID.randomUUID();

  private static Jwt.Builder token() {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .subject(USER.toString())
        .issuedAt(Instant.now())
        .expiresAt(Instant.now().plusSeconds(60));
  }

  @Test
  void readsOrganizationsAndKnownRealmRoles() {
    Jwt jwt =
        token()
            .claim("org_id", ORG.toString())
            .claim("org_ids", List.of(ORG.toString(), OTHER_ORG.toString()))
            .claim("realm_access", Map.of("roles", List.of("admin", "default-roles-dealflow")))
            .claim("email", "a@b.c")
            .build();

    Tenant tenant = Tenant.of(jwt);

    assertThat(tenant.userId()).isEqualTo(USER);
    assertThat(tenant.orgId()).isEqualTo(ORG);
    assertThat(tenant.orgIds()).containsExactlyInAnyOrder(ORG, OTHER_ORG);
    assertThat(tenant.roles()).containsExactly(Role.ADMIN);
    assertThat(tenant.belongsTo(OTHER_ORG)).isTrue();
    assertThat(tenant.belongsTo(UUID.randomUUID())).isFalse();
  }

  @Test
  void singleOrgIdsEntryBecomesTheActingOrganization() {
    Jwt jwt = token().claim("org_ids", List.of(ORG.toString())).build();

    assertThat(Tenant.of(jwt).orgId()).isEqualTo(ORG);
  }

  @Test
  void malformedOrganizationClaimsAreIgnoredNotTrusted() {
    Jwt jwt = token().claim("org_id", "not-a-uuid").claim("org_ids", List.of("x")).build();

    Tenant tenant = Tenant.of(jwt);

    assertThat(tenant.orgId()).isNull();
    assertThat(tenant.orgIds()).isEmpty();
    assertThat(tenant.roles()).isEmpty();
  }

  @Test
  void rolesBecomeRoleAuthorities() {
    Jwt jwt = token().claim("realm_access", Map.of("roles", List.of("rep"))).build();

    assertThat(new KeycloakRoles().convert(jwt))
        .extracting(Object::toString)
        .containsExactly("ROLE_rep");
  }

  @Test
  void theRoleIsTheOneHeldInEachOrganization() {
    Jwt jwt =
        token()
            .claim("org_id", ORG.toString())
            .claim("org_ids", List.of(ORG.toString(), OTHER_ORG.toString()))
            .claim("realm_access", Map.of("roles", List.of("rep")))
            .claim("org_roles", Map.of(ORG.toString(), "rep", OTHER_ORG.toString(), "admin"))
            .build();

    Tenant tenant = Tenant.of(jwt);

    assertThat(tenant.roleIn(ORG)).contains(Role.REP);
    assertThat(tenant.roleIn(OTHER_ORG)).contains(Role.ADMIN);
    assertThat(tenant.hasRoleIn(ORG, Role.ADMIN, Role.MANAGER)).isFalse();
    assertThat(tenant.hasRoleIn(OTHER_ORG, Role.ADMIN)).isTrue();
  }

  @Test
  void anAdminOfTheCurrentOrganizationIsNoAdminElsewhere() {
    Jwt jwt =
        token()
            .claim("org_id", ORG.toString())
            .claim("org_ids", List.of(ORG.toString(), OTHER_ORG.toString()))
            .claim("realm_access", Map.of("roles", List.of("admin")))
            .build();

    Tenant tenant = Tenant.of(jwt);

    assertThat(tenant.roleIn(ORG)).contains(Role.ADMIN);
    assertThat(tenant.roleIn(OTHER_ORG)).isEmpty();
    assertThat(tenant.hasRoleIn(OTHER_ORG, Role.ADMIN)).isFalse();
  }

  @Test
  void aRoleClaimedForAnOrganizationTheTokenDoesNotListIsIgnored() {
    UUID stranger = UUID.randomUUID();
    Jwt jwt =
        token()
            .claim("org_ids", List.of(ORG.toString()))
            .claim("org_roles", Map.of(ORG.toString(), "rep", stranger.toString(), "admin"))
            .build();

    Tenant tenant = Tenant.of(jwt);

    assertThat(tenant.roleIn(stranger)).isEmpty();
    assertThat(tenant.orgRoles()).containsOnly(Map.entry(ORG, Role.REP));
  }

  @Test
  void unknownRolesAndMalformedOrganizationsInTheRoleClaimGiveNoRole() {
    Jwt jwt =
        token()
            .claim("org_ids", List.of(ORG.toString()))
            .claim("org_roles", Map.of(ORG.toString(), "owner", "not-a-uuid", "admin"))
            .build();

    assertThat(Tenant.of(jwt).orgRoles()).isEmpty();
  }
}
