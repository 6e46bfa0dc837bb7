package io.dealflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.KeycloakTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What tokens say about organizations: the role in each ({@code org_roles}) and the current
 * organization's plan ({@code org_plan}), which an operator changes on the management port.
 */
class OrganizationRolesIT extends RunningIdentityService {

  @Test
  void aRepOfOneOrganizationIsAdminOfTheWorkspaceItCreates() {
    Registered boss = register("Rep Home Co");
    String email = uniqueEmail("rep");
    Api.Response added =
        api()
            .as(boss.accessToken())
            .post(
                "/api/v1/users",
                Map.of(
                    "email",
                    email,
                    "firstName",
                    "Yan",
                    "lastName",
                    "Rep",
                    "role",
                    "rep",
                    "password",
                    "Rep-Pass-123"));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    created(added.json().get("id").asString());
    String first = login(email, "Rep-Pass-123");
    assertThat(Realm.claims(first).get("org_roles").get(boss.orgId()).asString()).isEqualTo("rep");

    Api.Response workspace =
        api().as(first).post("/api/v1/workspaces", Map.of("name", "Yan's own"));
    assertThat(workspace.status()).as(workspace.toString()).isEqualTo(201);
    String own = workspace.json().get("id").asString();
    JsonNode claims = Realm.claims(login(email, "Rep-Pass-123"));

    assertThat(claims.get("org_roles").get(boss.orgId()).asString()).isEqualTo("rep");
    assertThat(claims.get("org_roles").get(own).asString()).isEqualTo("admin");
    assertThat(claims.get("org_roles").size()).isEqualTo(2);
  }

  @Test
  void aNewOrganizationStartsOnStarterAndAnOperatorMovesItToPro() {
    Registered founder = register("Plan Co");
    assertThat(Realm.claims(founder.accessToken()).get("org_plan").asString()).isEqualTo("starter");
    assertThat(Realm.claims(founder.accessToken()).get("org_roles").get(founder.orgId()).asString())
        .isEqualTo("admin");

    Api.Response changed =
        management()
            .as(KeycloakTokens.operator())
            .post("/actuator/plans/" + founder.orgId(), Map.of("plan", "pro"));

    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().get("plan").asString()).isEqualTo("pro");
    assertThat(
            management()
                .as(KeycloakTokens.operator())
                .get("/actuator/plans/" + founder.orgId())
                .json()
                .get("plan")
                .asString())
        .isEqualTo("pro");
    assertThat(Realm.claims(login(founder.email(), PASSWORD)).get("org_plan").asString())
        .isEqualTo("pro");
  }

  @Test
  void anOrganizationsAdminCannotChangeItsPlan() {
    Registered founder = register("Self Upgrade Co");

    Api.Response refused =
        management()
            .as(founder.accessToken())
            .post("/actuator/plans/" + founder.orgId(), Map.of("plan", "enterprise"));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(Realm.claims(login(founder.email(), PASSWORD)).get("org_plan").asString())
        .isEqualTo("starter");
  }

  @Test
  void anUnknownPlanOrOrganizationChangesNothing() {
    Registered founder = register("Typo Co");
    String operator = KeycloakTokens.operator();

    Api.Response unknownPlan =
        management()
            .as(operator)
            .post("/actuator/plans/" + founder.orgId(), Map.of("plan", "gold"));
    Api.Response unknownOrganization =
        management()
            .as(operator)
            .post("/actuator/plans/" + java.util.UUID.randomUUID(), Map.of("plan", "pro"));

    assertThat(unknownPlan.status()).isEqualTo(400);
    assertThat(unknownOrganization.status()).isEqualTo(404);
    assertThat(
            management()
                .as(operator)
                .get("/actuator/plans/" + founder.orgId())
                .json()
                .get("plan")
                .asString())
        .isEqualTo("starter");
  }

  @Test
  void theApiPortServesNoActuator() {
    assertThat(api().as(KeycloakTokens.operator()).get("/actuator/plans/x").status())
        .isEqualTo(404);
    assertThat(api().get("/actuator/health").status()).isEqualTo(404);
    assertThat(management().get("/actuator/health/readiness").status()).isEqualTo(200);
  }
}
