package io.dealflow.training.scenario;

import static io.dealflow.training.TrainerErrors.assertTrainerError;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.ApiClient.Response;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import io.dealflow.training.RunningTrainingService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Scenarios: the library every organization sees, each organization's own, admins only. */
class ScenariosIT extends RunningTrainingService {

  static Map<String, Object> scenario(String title) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("description", "Advanced discovery call with enterprise client");
    body.put("category", "discovery");
    body.put("difficulty", "advanced");
    body.put("estimated_duration", 1200);
    body.put("objectives", List.of("Uncover business challenges", "Identify budget parameters"));
    body.put("coaching_points", List.of("Ask open-ended questions"));
    body.put(
        "prospect_persona",
        Map.of(
            "name", "Sarah Johnson",
            "title", "VP of Operations",
            "company", "Enterprise Solutions Inc",
            "pain_points", List.of("Process inefficiency", "Cost reduction pressure"),
            "personality", "analytical",
            "communication_style", "direct"));
    body.put(
        "conversation_flow",
        Map.of(
            "opening", "Thank you for taking the time to meet with me today...",
            "discovery_questions", List.of("What are your biggest operational challenges?"),
            "objection_scenarios",
                List.of("We're happy with our current solution", "Budget is tight this year")));
    return body;
  }

  @Test
  void everyOrganizationSeesTheLibraryOfEightAsABareArray() {
    ApiClient rep = as(TestUsers.inNewOrganization("rep"));

    Response listed = rep.get("/scenarios");

    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    JsonNode all = listed.json();
    assertThat(all.isArray()).isTrue();
    List<String> categories = new ArrayList<>();
    all.forEach(s -> categories.add(s.get("category").asString()));
    assertThat(categories)
        .containsExactlyInAnyOrder(
            "cold_calling",
            "discovery",
            "objection_handling",
            "closing",
            "negotiation",
            "renewal",
            "gatekeeper",
            "follow_up");
    JsonNode first = all.get(0);
    assertThat(first.propertyNames())
        .contains(
            "id",
            "title",
            "description",
            "category",
            "difficulty",
            "estimated_duration",
            "objectives",
            "coaching_points",
            "is_active",
            "created_at",
            "prospect_persona",
            "conversation_flow");
    for (JsonNode scenario : all) {
      assertThat(scenario.get("prospect_persona").get("pain_points").size()).isPositive();
      assertThat(scenario.get("conversation_flow").get("objection_scenarios").size()).isPositive();
      assertThat(scenario.get("conversation_flow").get("opening").asString()).isNotBlank();
    }
    assertThat(rep.get("/scenarios?category=closing").json().size()).isEqualTo(1);
    assertThat(rep.get("/scenarios?difficulty=beginner").json().size()).isEqualTo(3);
    assertThat(rep.get("/scenarios?skip=6&limit=5").json().size()).isEqualTo(2);
    assertTrainerError(rep.get("/scenarios?difficulty=expert"), 422, "VALIDATION_ERROR");
    String id = first.get("id").asString();
    assertThat(rep.get("/scenarios/" + id).json()).isEqualTo(first);
  }

  @Test
  void anAdminCreatesRevisesAndRetiresOnlyTheirOrganizationsScenarios() {
    TestUser admin = TestUsers.inNewOrganization("admin");
    ApiClient client = as(admin);

    Response created = client.post("/scenarios", scenario("Enterprise Sales Discovery Call"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode body = created.json();
    String id = body.get("id").asString();
    assertThat(body.get("title").asString()).isEqualTo("Enterprise Sales Discovery Call");
    assertThat(body.get("prospect_persona").get("communication_style").asString())
        .isEqualTo("direct");
    assertThat(body.get("is_active").asBoolean()).isTrue();
    assertThat(body.get("origin").asString()).isEqualTo("custom");
    assertThat(client.get("/scenarios").json().size()).isEqualTo(9);

    Map<String, Object> revision = scenario("Enterprise Discovery, revised");
    Response revised = client.put("/scenarios/" + id, revision);
    assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
    assertThat(client.get("/scenarios/" + id).json().get("title").asString())
        .isEqualTo("Enterprise Discovery, revised");

    Response retired = client.delete("/scenarios/" + id);
    assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
    assertThat(retired.json().get("is_active").asBoolean()).isFalse();
    assertThat(client.get("/scenarios").json().size()).isEqualTo(8);
    assertThat(client.get("/scenarios/" + id).json().get("is_active").asBoolean()).isFalse();

    ApiClient stranger = as(TestUsers.inNewOrganization("admin"));
    assertTrainerError(stranger.get("/scenarios/" + id), 404, "SCENARIO_NOT_FOUND");
    assertTrainerError(stranger.put("/scenarios/" + id, revision), 404, "SCENARIO_NOT_FOUND");
  }

  @Test
  void repsCannotWriteScenariosAndTheLibraryCannotBeChanged() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    ApiClient admin = as(TestUsers.create(rep.orgId(), "admin"));

    assertTrainerError(
        as(rep).post("/scenarios", scenario("Nope")), 403, "AUTH_INSUFFICIENT_PERMISSIONS");
    String builtIn = admin.get("/scenarios").json().get(0).get("id").asString();
    assertTrainerError(
        admin.put("/scenarios/" + builtIn, scenario("Mine now")),
        403,
        "AUTH_INSUFFICIENT_PERMISSIONS");
    assertTrainerError(admin.delete("/scenarios/" + builtIn), 403, "AUTH_INSUFFICIENT_PERMISSIONS");
    assertThat(admin.get("/scenarios").json().size()).isEqualTo(8);
  }

  @Test
  void unknownIdsAnswerScenarioNotFound() {
    ApiClient rep = as(TestUsers.inNewOrganization("rep"));

    assertTrainerError(
        rep.get("/scenarios/6f1c2b1e-0000-4000-8000-000000000000"), 404, "SCENARIO_NOT_FOUND");
    assertTrainerError(rep.get("/scenarios/1"), 404, "SCENARIO_NOT_FOUND");
  }

  @Test
  void anInvalidScenarioIsRefusedWithItsFieldsAndNothingIsStored() {
    ApiClient admin = as(TestUsers.inNewOrganization("admin"));
    Map<String, Object> bad = scenario("");
    bad.put("category", "yodelling");
    bad.put("estimated_duration", 5);
    bad.put("conversation_flow", Map.of("objection_scenarios", List.of()));

    JsonNode error = assertTrainerError(admin.post("/scenarios", bad), 422, "VALIDATION_ERROR");

    List<String> fields = new ArrayList<>();
    error.get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields)
        .contains(
            "title", "category", "estimated_duration", "conversation_flow.objection_scenarios");
    assertTrainerError(admin.post("/scenarios", "{not json"), 400, "MALFORMED_REQUEST");
    assertThat(admin.get("/scenarios").json().size()).isEqualTo(8);
  }
}
