package io.dealflow.identity.auth.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.identity.organization.Affiliation;
import io.dealflow.identity.organization.Organization;
import io.dealflow.identity.organization.OrganizationId;
import io.dealflow.identity.user.User;
import io.dealflow.identity.user.UserId;
import io.dealflow.platform.security.Role;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The union {@code /api/v1/auth/me} object keeps every seed's field names. */
@JsonTest
class MeResponseJsonTest {

  static final UUID USER = UUID.fromString("11111111-2222-3333-4444-555555555555");
  static final UUID ORG = UUID.fromString("66666666-7777-8888-9999-000000000000");
  static final Instant CREATED = Instant.parse("2025-01-15T10:30:00Z");
  static final Instant LOGGED_IN = Instant.parse("2025-02-01T08:00:00.123Z");

  @Autowired JsonMapper json;

  static Affiliation ada() {
    User user =
        new User(
            UserId.of(USER),
            "ada@example.com",
            "Ada",
            "Lovelace",
            null,
            "Analytical Engines",
            true,
            CREATED,
            CREATED,
            LOGGED_IN,
            3);
    Organization org =
        new Organization(OrganizationId.of(ORG), "Analytical Engines", "starter", CREATED, CREATED);
    return new Affiliation(user, org, Role.ADMIN, CREATED);
  }

  @Test
  void meCarriesHelloSalesTrainerAndHeliosFieldsTogether() {
    JsonNode me = json.valueToTree(MeResponse.of(ada()));

    assertThat(me.propertyNames())
        .containsExactlyInAnyOrder(
            "id",
            "email",
            "displayName",
            "authProvider",
            "first_name",
            "last_name",
            "company",
            "role",
            "is_active",
            "created_at",
            "last_login",
            "tenant_id");
    assertThat(me.get("id").asString()).isEqualTo(USER.toString());
    assertThat(me.get("displayName").asString()).isEqualTo("Ada Lovelace");
    assertThat(me.get("authProvider").asString()).isEqualTo("keycloak");
    assertThat(me.get("first_name").asString()).isEqualTo("Ada");
    assertThat(me.get("role").asString()).isEqualTo("admin");
    assertThat(me.get("is_active").asBoolean()).isTrue();
    assertThat(me.get("tenant_id").asString()).isEqualTo(ORG.toString());
  }

  @Test
  void timestampsAreIsoInstants() {
    JsonNode me = json.valueToTree(MeResponse.of(ada()));

    assertThat(me.get("created_at").asString()).isEqualTo("2025-01-15T10:30:00Z");
    assertThat(me.get("last_login").asString()).isEqualTo("2025-02-01T08:00:00.123Z");
  }

  @Test
  void aUserWithoutOrganizationHasNullRoleAndTenant() {
    Affiliation lone = Affiliation.none(ada().user());

    JsonNode me = json.valueToTree(MeResponse.of(lone));

    assertThat(me.get("role").isNull()).isTrue();
    assertThat(me.get("tenant_id").isNull()).isTrue();
  }

  @Test
  void tokenAnswerIsTheTrainerShapeWithTheUnionUser() {
    var tokens =
        new io.dealflow.identity.keycloak.TokenSet(
            "access",
            "refresh",
            1800,
            604800,
            USER,
            new io.dealflow.identity.keycloak.TokenSet.Claims(null, null, null, ORG));

    JsonNode answer =
        json.valueToTree(TokenResponse.of(new io.dealflow.identity.auth.SignedIn(tokens, ada())));

    assertThat(answer.propertyNames())
        .containsExactlyInAnyOrder(
            "access_token", "refresh_token", "token_type", "expires_in", "user");
    assertThat(answer.get("token_type").asString()).isEqualTo("bearer");
    assertThat(answer.get("expires_in").asLong()).isEqualTo(1800);
    assertThat(answer.get("user").get("tenant_id").asString()).isEqualTo(ORG.toString());
  }
}
