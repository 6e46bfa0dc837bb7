package io.dealflow.training.objection;

import static io.dealflow.training.TrainerErrors.assertTrainerError;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.crm.events.TranscriptAdded;
import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.ApiClient.Response;
import io.dealflow.platform.test.TestEvents;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import io.dealflow.training.RunningTrainingService;
import io.dealflow.training.call.CallClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Objections from the team's calls, from crm's events on Kafka to a scenario a rep plays: consumer
 * {@code call-objections}, the admins' draft and approval, and the call on the published scenario.
 */
class ObjectionsFromCallsIT extends RunningTrainingService {

  static final Duration EVENT_WAIT = Duration.ofSeconds(90);
  static final String TOO_EXPENSIVE = "That's too expensive for us";
  static final String OTHER_VENDOR = "We already work with another vendor";
  static final String BUDGET = "Budget is tight this year";

  @Autowired ObjectionManagement objections;

  @Test
  void anAdminPublishesTheObjectionsOfTheTeamsCallsAndARepPlaysThem() {
    TestUser admin = TestUsers.inNewOrganization("admin");
    TestUser rep = TestUsers.create(admin.orgId(), "rep");
    ApiClient admins = as(admin);
    assertTrainerError(admins.get("/scenarios/from-calls"), 404, "NO_CALL_OBJECTIONS");

    CrmCalls first = CrmCalls.conversation(admin.orgId());
    first.say("assistant", "Hi Jordan, thanks for taking my call. How do you coach reps today?");
    first.say("human", "We listen to a few recorded calls every Friday.");
    first.say("assistant", "I understand budget is tight for many teams, so let me be brief.");
    first.say("human", TOO_EXPENSIVE, OTHER_VENDOR);
    TestEvents.publish(first.completed(900));
    CrmCalls second = CrmCalls.conversation(admin.orgId());
    second.say("human", "Sure, I have a few minutes.", BUDGET);
    second.say("human", "What would the price be for 12 seats?");
    TestEvents.publish(second.completed(1500));

    JsonNode draft =
        awaitDraft(
            admins,
            d -> d.get("objections_heard").asInt() >= 3 && d.get("completed_calls").asInt() >= 2);

    assertThat(draft.get("objections_heard").asInt()).as(draft.toString()).isEqualTo(3);
    assertThat(draft.get("conversations").asInt()).isEqualTo(2);
    assertThat(draft.get("completed_calls").asInt()).isEqualTo(2);
    assertThat(draft.get("published_scenario_id").isNull()).isTrue();
    JsonNode themes = draft.get("themes");
    assertThat(themes.size()).as(themes.toString()).isEqualTo(2);
    assertThat(themes.get(0).get("theme").asString()).isEqualTo("price");
    assertThat(themes.get(0).get("count").asInt()).isEqualTo(2);
    assertThat(texts(themes.get(0).get("examples"))).containsExactly(BUDGET, TOO_EXPENSIVE);
    assertThat(themes.get(1).get("theme").asString()).isEqualTo("incumbent");
    assertThat(themes.get(1).get("count").asInt()).isEqualTo(1);
    assertThat(texts(themes.get(1).get("examples"))).containsExactly(OTHER_VENDOR);
    JsonNode proposed = draft.get("scenario");
    assertThat(proposed.get("title").asString()).isEqualTo("Objections from your calls");
    assertThat(proposed.get("category").asString()).isEqualTo("objection_handling");
    assertThat(proposed.get("difficulty").asString()).isEqualTo("intermediate");
    assertThat(proposed.get("estimated_duration").asInt()).isEqualTo(1200);
    assertThat(proposed.get("origin").asString()).isEqualTo("from_calls");
    assertThat(proposed.get("description").asString()).contains("team's recorded calls");
    assertThat(proposed.get("prospect_persona").get("name").asString()).isEqualTo("Alex Morgan");
    assertThat(proposed.get("prospect_persona").get("pain_points").size()).isEqualTo(2);
    assertThat(texts(proposed.get("conversation_flow").get("objection_scenarios")))
        .containsExactly(BUDGET, OTHER_VENDOR, TOO_EXPENSIVE);

    ApiClient reps = as(rep);
    assertThat(origins(reps.get("/scenarios"))).doesNotContain("from_calls");
    assertTrainerError(reps.get("/scenarios/from-calls"), 403, "AUTH_INSUFFICIENT_PERMISSIONS");
    assertTrainerError(
        reps.post("/scenarios/from-calls/approve", Map.of()), 403, "AUTH_INSUFFICIENT_PERMISSIONS");

    Response approved = admins.post("/scenarios/from-calls/approve", Map.of());

    assertThat(approved.status()).as(approved.toString()).isEqualTo(201);
    JsonNode scenario = approved.json();
    String scenarioId = scenario.get("id").asString();
    assertThat(scenario.get("origin").asString()).isEqualTo("from_calls");
    assertThat(scenario.get("is_active").asBoolean()).isTrue();
    assertThat(scenario.get("conversation_flow")).isEqualTo(proposed.get("conversation_flow"));
    JsonNode listed = reps.get("/scenarios?category=objection_handling").json();
    assertThat(ids(listed)).contains(scenarioId);

    Response session = reps.post("/sessions", Map.of("scenario_id", scenarioId));
    assertThat(session.status()).as(session.toString()).isEqualTo(201);
    try (CallClient call =
        CallClient.open(port, session.json().get("id").asString(), rep.token())) {
      call.config();
      call.await("session_started");
      assertThat(call.await("ai_response").get("data").get("text").asString())
          .startsWith("Alex Morgan speaking");
      JsonNode reply = null;
      for (String question :
          List.of(
              "Alex, how do you coach your reps today?",
              "What happens when a new rep joins the team?",
              "How do you decide what a tool like this is worth?",
              "What else would you want to know?")) {
        call.send(Map.of("type", "text", "data", question));
        reply = call.await("ai_response").get("data");
        if (reply.get("intent").asString().equals("objection")) {
          break;
        }
      }
      assertThat(reply.get("intent").asString()).as(reply.toString()).isEqualTo("objection");
      assertThat(reply.get("text").asString()).containsIgnoringCase(BUDGET);
    }

    Response again = admins.post("/scenarios/from-calls/approve", Map.of());
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().get("id").asString()).isEqualTo(scenarioId);
    assertThat(admins.get("/scenarios/from-calls").json().get("published_scenario_id").asString())
        .isEqualTo(scenarioId);
    assertThat(origins(reps.get("/scenarios"))).containsOnlyOnce("from_calls");
  }

  @Test
  void theSameEventDeliveredTwiceCountsOnceAndOtherOrganizationsSeeNothing() {
    TestUser admin = TestUsers.inNewOrganization("admin");
    CrmCalls call = CrmCalls.conversation(admin.orgId());
    ObjectNode objection = call.line("customer", TOO_EXPENSIVE);

    TestEvents.publish(objection);
    TestEvents.publish(objection);
    call.say("customer", "Honestly, we're not interested right now.");

    JsonNode draft = awaitDraft(as(admin), d -> d.get("objections_heard").asInt() >= 2);
    assertThat(draft.get("objections_heard").asInt()).as(draft.toString()).isEqualTo(2);
    JsonNode themes = draft.get("themes");
    assertThat(themes.get(0).get("count").asInt()).isEqualTo(1);
    assertThat(themes.get(1).get("count").asInt()).isEqualTo(1);
    assertThat(draft.get("scenario").get("difficulty").asString()).isEqualTo("intermediate");
    assertThat(draft.get("scenario").get("estimated_duration").asInt()).isEqualTo(600);

    ApiClient stranger = as(TestUsers.inNewOrganization("admin"));
    assertTrainerError(stranger.get("/scenarios/from-calls"), 404, "NO_CALL_OBJECTIONS");
    assertTrainerError(
        stranger.post("/scenarios/from-calls/approve", Map.of()), 404, "NO_CALL_OBJECTIONS");
  }

  @Test
  void anOrganizationKeepsItsNewest500Objections() {
    TestUser admin = TestUsers.inNewOrganization("admin");
    UUID conversation = UUID.randomUUID();
    Instant start = Instant.parse("2026-03-01T09:00:00Z");
    for (int i = 0; i < 502; i++) {
      objections.heard(
          admin.orgId(),
          UUID.randomUUID(),
          start.plusSeconds(i),
          new TranscriptAdded(
              UUID.randomUUID(),
              conversation,
              "Budget is tight, objection " + i,
              "human",
              "negative",
              i,
              List.of()));
    }

    JsonNode draft = as(admin).get("/scenarios/from-calls").json();

    assertThat(draft.get("objections_heard").asInt()).isEqualTo(500);
    assertThat(Instant.parse(draft.get("first_heard_at").asString()))
        .isEqualTo(start.plusSeconds(2));
    assertThat(Instant.parse(draft.get("last_heard_at").asString()))
        .isEqualTo(start.plusSeconds(501));
    assertThat(draft.get("themes").get(0).get("count").asInt()).isEqualTo(500);
  }

  private static JsonNode awaitDraft(ApiClient admin, Predicate<JsonNode> done) {
    long deadline = System.nanoTime() + EVENT_WAIT.toNanos();
    Response response = admin.get("/scenarios/from-calls");
    while (!(response.status() == 200 && done.test(response.json()))
        && System.nanoTime() < deadline) {
      sleep();
      response = admin.get("/scenarios/from-calls");
    }
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(done.test(response.json())).as(response.toString()).isTrue();
    return response.json();
  }

  private static void sleep() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asString()));
    return texts;
  }

  private static List<String> ids(JsonNode scenarios) {
    List<String> ids = new ArrayList<>();
    scenarios.forEach(s -> ids.add(s.get("id").asString()));
    return ids;
  }

  private static List<String> origins(Response scenarios) {
    assertThat(scenarios.status()).as(scenarios.toString()).isEqualTo(200);
    List<String> origins = new ArrayList<>();
    scenarios.json().forEach(s -> origins.add(s.get("origin").asString()));
    return origins;
  }
}
