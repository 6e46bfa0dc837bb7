package io.dealflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dealflow.platform.test.KeycloakTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The demo organization is seeded at start, with the realm's demo users in their roles. */
class DemoDataIT extends RunningIdentityService {

  @Test
  void theDemoAdminSeesDemoSalesCoWithBothDemoUsers() {
    Api admin = api().as(KeycloakTokens.demoAdmin());

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Api.Response orgs = admin.get("/api/v1/orgs");
              assertThat(orgs.status()).isEqualTo(200);
              assertThat(orgs.json().findValuesAsString("name")).contains("Demo Sales Co");
            });
    Api.Response members =
        admin.get("/api/v1/workspaces/" + KeycloakTokens.DEMO_ORG_ID + "/members");

    assertThat(members.status()).as(members.toString()).isEqualTo(200);
    assertThat(
            members
                .json()
                .valueStream()
                .map(m -> m.get("email").asString() + ":" + m.get("role").asString()))
        .contains(KeycloakTokens.DEMO_ADMIN + ":admin", KeycloakTokens.DEMO_REP + ":rep");
  }

  @Test
  void theDemoRepIsARepOfTheDemoOrganization() {
    Api rep = api().as(KeycloakTokens.demoRep());

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode me = rep.get("/api/v1/auth/me").json();
              assertThat(me.get("tenant_id").asString()).isEqualTo(KeycloakTokens.DEMO_ORG_ID);
              assertThat(me.get("role").asString()).isEqualTo("rep");
            });
  }
}
