package io.dealflow.playbook.sailwind.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.KeycloakTokens;
import io.dealflow.playbook.RunningPlaybookService;
import io.dealflow.playbook.Sailwind;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The demo playbook: what the demo rep and admin see, seeded once however often run. */
@TestPropertySource(properties = "dealflow.playbook.demo.enabled=true")
class SailwindDemoIT extends RunningPlaybookService {

  private static final List<String> LISTS =
      List.of(
          "/client-archetypes",
          "/product-archetypes",
          "/clients?include_archived=true",
          "/products?include_archived=true",
          "/strategies?include_archived=true");

  @Autowired SailwindDemoSeeder seeder;

  Map<String, JsonNode> everything(Sailwind sailwind) {
    return LISTS.stream()
        .collect(Collectors.toMap(path -> path, path -> sailwind.get(path).json()));
  }

  @Test
  void theDemoRepIsAssignedAnApprovedStrategyWithARealText() {
    Sailwind rep = as(KeycloakTokens.demoRep());

    JsonNode assignments = rep.get("/my/rep-assignments").json();

    assertThat(assignments.size()).isEqualTo(1);
    JsonNode assignment = assignments.get(0);
    assertThat(assignment.get("minPracticeMinutes").asInt()).isEqualTo(60);
    JsonNode strategy = rep.get("/strategies/" + assignment.get("strategyId").asString()).json();
    assertThat(strategy.get("status").asString()).isEqualTo("approved");
    assertThat(strategy.get("strategyText").asString())
        .contains("Discovery", "Objections", "Next step")
        .hasSizeGreaterThan(1000);
    assertThat(
            rep.get("/clients/" + assignment.get("clientId").asString())
                .json()
                .get("name")
                .asString())
        .isEqualTo("Contoso Ltd");
    Map<String, JsonNode> all = everything(rep);
    assertThat(all.get("/client-archetypes").size()).isEqualTo(2);
    assertThat(all.get("/product-archetypes").size()).isEqualTo(2);
    assertThat(all.get("/clients?include_archived=true").size()).isEqualTo(3);
    assertThat(all.get("/products?include_archived=true").size()).isEqualTo(2);
    assertThat(all.get("/strategies?include_archived=true").size()).isEqualTo(2);
  }

  @Test
  void seedingAgainChangesNothing() {
    Sailwind admin = as(KeycloakTokens.demoAdmin());
    Map<String, JsonNode> before = everything(admin);
    JsonNode assignments = as(KeycloakTokens.demoRep()).get("/my/rep-assignments").json();

    seeder.seed();
    seeder.seed();

    assertThat(everything(admin)).isEqualTo(before);
    assertThat(as(KeycloakTokens.demoRep()).get("/my/rep-assignments").json())
        .isEqualTo(assignments);
  }
}
