package io.dealflow.training.session;

import static io.dealflow.platform.test.EventProbe.about;
import static io.dealflow.platform.test.EventProbe.ofType;
import static io.dealflow.training.TrainerErrors.assertTrainerError;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.ApiClient.Response;
import io.dealflow.platform.test.EventProbe;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import io.dealflow.training.RunningTrainingService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sessions over REST: creation, the limit, reading, rating, cancelling, who may see what. */
class SessionsIT extends RunningTrainingService {

  /** The library's discovery call. */
  static final String DISCOVERY = "8d6a2f10-0c1e-4b7a-9f01-5a1e00000002";

  private static EventProbe events;

  @BeforeAll
  static void listen() {
    events =
        new EventProbe(Devstack.kafka().bootstrapServers(), List.of("training.feedback.submitted"));
  }

  @AfterAll
  static void stopListening() {
    events.close();
  }

  static Map<String, Object> session(String scenarioId) {
    return Map.of(
        "scenario_id",
        scenarioId,
        "session_type",
        "practice",
        "configuration",
        Map.of(
            "coaching_enabled",
            true,
            "difficulty_level",
            "intermediate",
            "max_duration",
            1800,
            "voice_id",
            "professional_female"));
  }

  @Test
  void aCreatedSessionNamesTheSocketOnTheHostTheClientUsed() throws Exception {
    TestUser rep = TestUsers.inNewOrganization("rep");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/sessions"))
            .header("Authorization", "Bearer " + rep.token())
            .header("Content-Type", "application/json")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "api.example.com")
            .header("X-Forwarded-Port", "443")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JsonMapper.builder().build().writeValueAsString(session(DISCOVERY))))
            .build();

    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode created = JsonMapper.builder().build().readTree(response.body());
    String id = created.get("id").asString();
    assertThat(created.get("status").asString()).isEqualTo("created");
    assertThat(created.get("scenario_id").asString()).isEqualTo(DISCOVERY);
    assertThat(created.get("user_id").asString()).isEqualTo(rep.id().toString());
    assertThat(created.get("session_type").asString()).isEqualTo("practice");
    assertThat(created.get("configuration").get("voice_id").asString())
        .isEqualTo("professional_female");
    assertThat(created.get("websocket_url").asString())
        .isEqualTo("wss://api.example.com/ws/voice/" + id);

    Response direct = as(rep).post("/sessions", Map.of("scenario_id", DISCOVERY));
    assertThat(direct.json().get("websocket_url").asString())
        .startsWith("ws://localhost:" + port + "/ws/voice/");
    assertThat(direct.json().get("configuration").get("difficulty_level").asString())
        .isEqualTo("beginner");
  }

  @Test
  void aSessionIsReadByItsOwnerAndTheOrganizationsManagersOnly() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    String id = as(rep).post("/sessions", session(DISCOVERY)).json().get("id").asString();

    Response mine = as(rep).get("/sessions/" + id);
    assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
    JsonNode detail = mine.json();
    assertThat(detail.get("transcript").isArray()).isTrue();
    assertThat(detail.get("performance_metrics").get("question_count").asInt()).isZero();
    assertThat(detail.get("performance_metrics").has("overall_score")).isTrue();
    assertThat(detail.get("coaching_feedback").isArray()).isTrue();
    assertThat(as(rep).get("/sessions").json().get(0).get("id").asString()).isEqualTo(id);

    TestUser manager = TestUsers.create(rep.orgId(), "manager");
    TestUser colleague = TestUsers.create(rep.orgId(), "rep");
    TestUser stranger = TestUsers.inNewOrganization("admin");
    assertThat(as(manager).get("/sessions/" + id).status()).isEqualTo(200);
    assertThat(as(manager).get("/sessions?user_id=" + rep.id()).json().size()).isEqualTo(1);
    assertTrainerError(as(colleague).get("/sessions/" + id), 404, "SESSION_NOT_FOUND");
    assertTrainerError(
        as(colleague).get("/sessions?user_id=" + rep.id()), 403, "AUTH_INSUFFICIENT_PERMISSIONS");
    assertTrainerError(as(stranger).get("/sessions/" + id), 404, "SESSION_NOT_FOUND");
    assertTrainerError(as(rep).get("/sessions/not-a-session"), 404, "SESSION_NOT_FOUND");
  }

  @Test
  void feedbackIsValidatedStoredAndPublished() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    ApiClient client = as(rep);
    String id = client.post("/sessions", session(DISCOVERY)).json().get("id").asString();

    assertTrainerError(
        client.put("/sessions/" + id + "/feedback", Map.of("rating", 6)), 422, "VALIDATION_ERROR");
    assertTrainerError(
        client.put("/sessions/" + id + "/feedback", Map.of("rating", 4, "difficulty_rating", 0)),
        422,
        "VALIDATION_ERROR");
    Response saved =
        client.put(
            "/sessions/" + id + "/feedback",
            Map.of(
                "rating",
                4,
                "feedback",
                "Great scenario, helped me practice objection handling",
                "difficulty_rating",
                3,
                "technical_issues",
                false));

    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    assertThat(saved.json())
        .isEqualTo(
            JsonMapper.builder()
                .build()
                .readTree("{\"message\":\"Feedback submitted successfully\"}"));
    assertThat(client.get("/sessions/" + id).json().get("feedback").get("rating").asInt())
        .isEqualTo(4);
    EventProbe.Received event =
        events.await(about(id).and(ofType("training.feedback.submitted")), Duration.ofSeconds(30));
    assertThat(event.data().get("rating").asInt()).isEqualTo(4);
    assertThat(event.data().has("feedback")).isFalse();
    assertThat(events.allMatching(about(id), Duration.ofMillis(500))).hasSize(1);
    assertTrainerError(
        as(TestUsers.create(rep.orgId(), "manager"))
            .put("/sessions/" + id + "/feedback", Map.of("rating", 1)),
        404,
        "SESSION_NOT_FOUND");
  }

  @Test
  void aFourthOpenSessionIsRefusedUntilOneIsCancelled() {
    ApiClient rep = as(TestUsers.inNewOrganization("rep"));
    String first = rep.post("/sessions", session(DISCOVERY)).json().get("id").asString();
    rep.post("/sessions", session(DISCOVERY));
    rep.post("/sessions", session(DISCOVERY));

    assertTrainerError(rep.post("/sessions", session(DISCOVERY)), 429, "SESSION_LIMIT_EXCEEDED");
    assertThat(rep.get("/sessions").json().size()).isEqualTo(3);

    Response cancelled = rep.delete("/sessions/" + first);
    assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
    assertThat(rep.post("/sessions", session(DISCOVERY)).status()).isEqualTo(201);
    assertThat(rep.get("/sessions?status=cancelled").json().size()).isEqualTo(1);
    assertTrainerError(rep.delete("/sessions/" + first), 409, "SESSION_ALREADY_ENDED");
  }

  @Test
  void badSessionsAreRefusedAndNothingIsStored() {
    ApiClient rep = as(TestUsers.inNewOrganization("rep"));

    assertTrainerError(
        rep.post("/sessions", session("6f1c2b1e-0000-4000-8000-000000000000")),
        404,
        "SCENARIO_NOT_FOUND");
    assertTrainerError(rep.post("/sessions", session("7")), 404, "SCENARIO_NOT_FOUND");
    assertTrainerError(
        rep.post(
            "/sessions",
            Map.of(
                "scenario_id",
                DISCOVERY,
                "configuration",
                Map.of("voice_id", "robot", "max_duration", 10))),
        422,
        "VALIDATION_ERROR");
    assertTrainerError(rep.post("/sessions", Map.of()), 422, "VALIDATION_ERROR");
    assertThat(rep.get("/sessions").json().size()).isZero();
  }
}
