package io.dealflow.crm.deal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.crm.RunningCrmService;
import io.dealflow.crm.VectorosClient;
import io.dealflow.platform.test.KeycloakTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The demo deals: across the pipeline, in the demo organization, seeded once however often run. */
@TestPropertySource(properties = "dealflow.crm.demo.enabled=true")
class DealDemoIT extends RunningCrmService {

  @Autowired DealDemoSeeder seeder;

  JsonNode demoDeals() {
    return new VectorosClient(baseUrl(), KeycloakTokens.demoRep())
        .get("/api/v1/workspaces/" + KeycloakTokens.DEMO_ORG_ID + "/deals?limit=100")
        .json();
  }

  @Test
  void theDemoOrganizationHasDealsInEveryStage() {
    JsonNode deals = demoDeals();

    assertThat(deals.get("deals").valueStream().map(d -> d.get("stage").asString()))
        .containsExactlyInAnyOrder("lead", "qualified", "proposal", "negotiation", "won", "lost");
    assertThat(deals.get("deals").valueStream().map(d -> d.get("source").asString()))
        .containsOnly("demo");
    assertThat(deals.get("deals").valueStream().map(d -> d.get("assignedTo").asString()))
        .contains(DealDemoSeeder.REP.toString(), DealDemoSeeder.ADMIN.toString());
  }

  @Test
  void seedingAgainChangesNothing() {
    JsonNode before = demoDeals();

    seeder.seed();
    seeder.seed();

    assertThat(demoDeals()).isEqualTo(before);
    assertThat(before.get("total").asLong()).isEqualTo(6);
  }
}
