package io.dealflow.devstack.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Keycloak;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm export is configuration other modules rely on; these checks run without Keycloak.
 * KeycloakIT proves the same export behaves as intended inside a real one.
 */
class RealmExportTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String TEXT = new String(RealmExport.bytes(), StandardCharsets.UTF_8);
  private static final JsonNode REALM = JSON.readTree(TEXT);

  @Test
  void holdsNoSecretOnlyPlaceholdersKeycloakFillsFromItsEnvironment() {
    assertThat(placeholders())
        .containsExactlyInAnyOrder(
            "DEALFLOW_KEYCLOAK_CLIENT_SECRET",
            "DEALFLOW_OPS_CLIENT_SECRET",
            "DEALFLOW_DEMO_PASSWORD",
            "DEALFLOW_DEMO_PASSWORD",
            // Keycloak's own client-roles mapper; no environment variable has this name.
            "client_id");
    assertThat(client("dealflow-identity").path("secret").asString())
        .isEqualTo("${DEALFLOW_KEYCLOAK_CLIENT_SECRET}");
  }

  @Test
  void realmSettingsMatchTheSessionAndPasswordRules() {
    assertThat(REALM.path("realm").asString()).isEqualTo("dealflow");
    assertThat(REALM.path("accessTokenLifespan").asInt()).isEqualTo(1800);
    assertThat(REALM.path("ssoSessionIdleTimeout").asInt()).isEqualTo(7 * 24 * 3600);
    assertThat(REALM.path("ssoSessionMaxLifespan").asInt()).isEqualTo(7 * 24 * 3600);
    assertThat(REALM.path("passwordPolicy").asString())
        .isEqualTo(
            "length(8) and maxLength(128) and notUsername and notEmail and passwordHistory(3)");
    assertThat(REALM.path("registrationAllowed").asBoolean()).isFalse();
    assertThat(names(REALM.path("roles").path("realm")))
        .containsExactlyInAnyOrder("admin", "manager", "rep", "agent", "operator");
  }

  @Test
  void productionDefaultsLockOutGuessersAndRotateRefreshTokens() {
    assertThat(REALM.path("bruteForceProtected").asBoolean()).isTrue();
    assertThat(REALM.path("permanentLockout").asBoolean()).isFalse();
    assertThat(REALM.path("failureFactor").asInt()).isEqualTo(10);
    assertThat(REALM.path("maxFailureWaitSeconds").asInt()).isEqualTo(900);
    assertThat(REALM.path("revokeRefreshToken").asBoolean()).isTrue();
    assertThat(REALM.path("refreshTokenMaxReuse").asInt()).isZero();
  }

  @Test
  void onlyTheOpsServiceAccountIsAnOperator() {
    JsonNode ops = client("dealflow-ops");
    assertThat(ops.path("serviceAccountsEnabled").asBoolean()).isTrue();
    assertThat(ops.path("directAccessGrantsEnabled").asBoolean()).isFalse();
    assertThat(ops.path("standardFlowEnabled").asBoolean()).isFalse();
    assertThat(ops.path("secret").asString()).isEqualTo("${DEALFLOW_OPS_CLIENT_SECRET}");
    assertThat(strings(ops.path("defaultClientScopes"))).contains("dealflow-api-audience", "roles");
    for (JsonNode user : REALM.path("users")) {
      boolean operator = strings(user.path("realmRoles")).contains("operator");
      assertThat(operator)
          .as(user.path("username").asString())
          .isEqualTo(user.path("username").asString().equals("service-account-dealflow-ops"));
    }
  }

  @Test
  void identityClientLogsUsersInAndManagesThemButHasNoBrowserFlow() {
    JsonNode identity = client("dealflow-identity");

    assertThat(identity.path("publicClient").asBoolean()).isFalse();
    assertThat(identity.path("directAccessGrantsEnabled").asBoolean()).isTrue();
    assertThat(identity.path("standardFlowEnabled").asBoolean()).isFalse();
    assertThat(identity.path("serviceAccountsEnabled").asBoolean()).isTrue();
    JsonNode serviceAccount = user("service-account-dealflow-identity");
    assertThat(strings(serviceAccount.path("clientRoles").path("realm-management")))
        .contains("manage-users", "view-users", "query-users");
  }

  @Test
  void identityClientAloneMayExchangeAnAccessTokenForNewTokensOfTheSameSession() {
    JsonNode attributes = client("dealflow-identity").path("attributes");

    assertThat(attributes.path("standard.token.exchange.enabled").asString()).isEqualTo("true");
    assertThat(
            attributes.path("standard.token.exchange.enableRefreshRequestedTokenType").asString())
        .isEqualTo("SAME_SESSION");
    for (String other : List.of("dealflow-ops", "dealflow-web", "dealflow-api")) {
      assertThat(
              client(other).path("attributes").path("standard.token.exchange.enabled").asString())
          .as(other)
          .isNotEqualTo("true");
    }
  }

  @Test
  void webClientIsPublicWithPkce() {
    JsonNode web = client("dealflow-web");

    assertThat(web.path("publicClient").asBoolean()).isTrue();
    assertThat(web.path("standardFlowEnabled").asBoolean()).isTrue();
    assertThat(web.path("attributes").path("pkce.code.challenge.method").asString())
        .isEqualTo("S256");
    assertThat(strings(web.path("redirectUris"))).containsExactly("http://localhost:*");
    assertThat(strings(web.path("webOrigins"))).containsExactly("+");
  }

  @Test
  void bothClientsGetTheAudienceAndTenancyScopes() {
    for (String clientId : List.of("dealflow-identity", "dealflow-web")) {
      assertThat(strings(client(clientId).path("defaultClientScopes")))
          .contains("dealflow-api-audience", "dealflow-tenancy", "roles", "basic");
    }
    JsonNode audience = mapper(scope("dealflow-api-audience"), "oidc-audience-mapper");
    assertThat(audience.path("config").path("included.client.audience").asString())
        .isEqualTo("dealflow-api");
    assertThat(client("dealflow-api").path("bearerOnly").asBoolean()).isTrue();
  }

  @Test
  void tenancyScopeMapsOrganizationAttributesToClaims() {
    Map<String, Boolean> multivaluedByClaim =
        Map.of("org_id", false, "org_ids", true, "org_roles", false, "org_plan", false);
    for (JsonNode mapper : scope("dealflow-tenancy").path("protocolMappers")) {
      JsonNode config = mapper.path("config");
      String claim = config.path("claim.name").asString();
      assertThat(multivaluedByClaim).containsKey(claim);
      assertThat(config.path("user.attribute").asString()).isEqualTo(claim);
      assertThat(config.path("multivalued").asString())
          .isEqualTo(String.valueOf(multivaluedByClaim.get(claim)));
      assertThat(config.path("access.token.claim").asString()).isEqualTo("true");
    }
    assertThat(
            find(scope("dealflow-tenancy").path("protocolMappers"), "name", "org_roles")
                .path("config")
                .path("jsonType.label")
                .asString())
        .isEqualTo("JSON");
  }

  @Test
  void userProfileKeepsTheOrganizationAttributesForAdminsOnly() {
    String profileJson =
        REALM
            .path("components")
            .path("org.keycloak.userprofile.UserProfileProvider")
            .get(0)
            .path("config")
            .path("kc.user.profile.config")
            .get(0)
            .asString();
    JsonNode profile = JSON.readTree(profileJson);

    for (JsonNode attribute : profile.path("attributes")) {
      String name = attribute.path("name").asString();
      if (name.startsWith("org_")) {
        assertThat(strings(attribute.path("permissions").path("edit"))).containsExactly("admin");
        assertThat(strings(attribute.path("permissions").path("view"))).containsExactly("admin");
      }
    }
    assertThat(names(profile.path("attributes")))
        .contains("org_id", "org_ids", "org_roles", "org_plan");
  }

  @Test
  void demoUsersBelongToTheDemoOrganization() {
    JsonNode admin = user("admin@demo.dealflow.local");
    JsonNode rep = user("rep@demo.dealflow.local");

    assertThat(admin.path("id").asString()).isEqualTo(Keycloak.DEMO_ADMIN_USER_ID);
    assertThat(rep.path("id").asString()).isEqualTo(Keycloak.DEMO_REP_USER_ID);
    assertThat(strings(admin.path("realmRoles"))).contains("admin");
    assertThat(strings(rep.path("realmRoles"))).contains("rep").doesNotContain("admin");
    assertThat(strings(admin.path("attributes").path("org_roles")))
        .containsExactly("{\"" + Keycloak.DEMO_ORGANIZATION_ID + "\":\"admin\"}");
    assertThat(strings(rep.path("attributes").path("org_roles")))
        .containsExactly("{\"" + Keycloak.DEMO_ORGANIZATION_ID + "\":\"rep\"}");
    for (JsonNode user : List.of(admin, rep)) {
      assertThat(user.path("emailVerified").asBoolean()).isTrue();
      assertThat(strings(user.path("attributes").path("org_id")))
          .containsExactly(Keycloak.DEMO_ORGANIZATION_ID);
      assertThat(strings(user.path("attributes").path("org_ids")))
          .containsExactly(Keycloak.DEMO_ORGANIZATION_ID);
      assertThat(strings(user.path("attributes").path("org_plan"))).containsExactly("starter");
      assertThat(user.path("credentials").get(0).path("value").asString())
          .isEqualTo("${DEALFLOW_DEMO_PASSWORD}");
    }
  }

  private static List<String> placeholders() {
    Matcher matcher = Pattern.compile("\\$\\{([^}]+)}").matcher(TEXT);
    List<String> found = new ArrayList<>();
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static JsonNode client(String clientId) {
    return find(REALM.path("clients"), "clientId", clientId);
  }

  private static JsonNode scope(String name) {
    return find(REALM.path("clientScopes"), "name", name);
  }

  private static JsonNode user(String username) {
    return find(REALM.path("users"), "username", username);
  }

  private static JsonNode mapper(JsonNode scope, String type) {
    return find(scope.path("protocolMappers"), "protocolMapper", type);
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    return StreamSupport.stream(array.spliterator(), false)
        .filter(node -> value.equals(node.path(field).asString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + field + " " + value));
  }

  private static List<String> names(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(node -> node.path("name").asString())
        .toList();
  }

  private static List<String> strings(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
  }
}
