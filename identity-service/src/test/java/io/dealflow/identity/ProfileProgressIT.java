package io.dealflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HelloSales profile's {@code skills} and {@code progress} come from training-service (here its
 * stand-in, {@link TrainingStub}), asked with the caller's own token; whatever training-service
 * does, the profile answers 200 and says when progress is unavailable.
 */
class ProfileProgressIT extends RunningIdentityService {

  @Test
  void skillsAndProgressAreTrainingServicesAskedWithTheCallersToken() {
    Registered erin = register("Progress Co");
    TRAINING.answer(erin.accessToken(), 200, TrainingStub.SEED_PROGRESS);

    Api.Response profile = api().as(erin.accessToken()).get("/api/v1/profile");

    assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
    JsonNode body = profile.json();
    assertThat(body.get("id").asString()).isEqualTo(erin.userId());
    assertThat(body.get("skills"))
        .isEqualTo(
            tree(
                List.of(
                    skill("closing", "beginner", 65, 8, 8),
                    skill("discovery", "intermediate", 75, 12, 10),
                    skill("objection_handling", "advanced", 88, 20, 18),
                    skill("rapport_building", "intermediate", 82, 15, 12))));
    JsonNode progress = body.get("progress");
    assertThat(progress.propertyNames())
        .containsExactly(
            "available",
            "timeRange",
            "totalSessions",
            "hoursPracticed",
            "averageScore",
            "improvementTrend",
            "streakDays",
            "recentAchievements",
            "recommendedScenarios");
    assertThat(progress.get("available").asBoolean()).isTrue();
    assertThat(progress.get("timeRange").asString()).isEqualTo("month");
    assertThat(progress.get("totalSessions").asInt()).isEqualTo(45);
    assertThat(progress.get("hoursPracticed").asDouble()).isEqualTo(22.5);
    assertThat(progress.get("averageScore").asInt()).isEqualTo(78);
    assertThat(progress.get("improvementTrend").asInt()).isEqualTo(15);
    assertThat(progress.get("streakDays").asInt()).isEqualTo(12);
    assertThat(progress.get("recentAchievements"))
        .isEqualTo(
            tree(
                List.of(
                    Map.of(
                        "name", "Objection Master",
                        "description", "Successfully handled 50 objections",
                        "earnedAt", "2024-01-14T16:30:00Z"))));
    assertThat(progress.get("recommendedScenarios").toString())
        .isEqualTo(
            "[\"6f1d8f8e-3c1a-4a52-9b7e-2d0c1f3a4b5c\",\"0a9e7c3b-8d2f-4e61-a5b4-7c6d5e4f3a21\"]");

    // The caller's own token went to training-service, with this month as the range.
    assertThat(TRAINING.requestsWith(erin.accessToken()))
        .singleElement()
        .satisfies(
            seen -> {
              assertThat(seen.path()).isEqualTo("/api/v1/learning/progress");
              assertThat(seen.query()).isEqualTo("time_range=month");
            });
  }

  @Test
  void aChangedProfileCarriesTheProgressToo() {
    Registered erin = register("Patched Progress Co");
    TRAINING.answer(erin.accessToken(), 200, TrainingStub.SEED_PROGRESS);

    Api.Response profile =
        api().as(erin.accessToken()).patch("/api/v1/profile", Map.of("displayName", "Erin P."));

    assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
    assertThat(profile.json().get("displayName").asString()).isEqualTo("Erin P.");
    assertThat(profile.json().get("skills").size()).isEqualTo(4);
    assertThat(profile.json().get("progress").get("available").asBoolean()).isTrue();
  }

  @Test
  void aTrainingServiceSlowerThanTheTimeoutLeavesProgressUnavailableQuickly() {
    Registered erin = register("Slow Training Co");
    TRAINING.answerAfter(erin.accessToken(), Duration.ofSeconds(10));

    long started = System.nanoTime();
    Api.Response profile = api().as(erin.accessToken()).get("/api/v1/profile");
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertUnavailable(profile, "Training progress is unavailable right now");
    // connect 1 s + read 2 s at most, then some slack for a busy machine; never the 10 s.
    assertThat(took).isLessThan(Duration.ofSeconds(6));
    assertThat(TRAINING.requestsWith(erin.accessToken())).hasSize(1);
  }

  @Test
  void aFailingTrainingServiceLeavesProgressUnavailable() {
    Registered erin = register("Failing Training Co");
    TRAINING.answer(erin.accessToken(), 500, "{\"detail\":\"boom\"}");

    assertUnavailable(
        api().as(erin.accessToken()).get("/api/v1/profile"),
        "Training progress is unavailable right now");
  }

  @Test
  void aRefusedTokenLeavesProgressUnavailableAndSaysSo() {
    Registered erin = register("Refused Training Co");
    TRAINING.answer(erin.accessToken(), 401, "{\"detail\":\"Invalid token\"}");

    assertUnavailable(
        api().as(erin.accessToken()).get("/api/v1/profile"),
        "Training service did not accept the caller's credentials");
  }

  @Test
  void anUnreadableAnswerLeavesProgressUnavailable() {
    Registered erin = register("Garbled Training Co");
    TRAINING.answer(erin.accessToken(), 200, "<html>not json</html>");

    assertUnavailable(
        api().as(erin.accessToken()).get("/api/v1/profile"),
        "Training progress is unavailable right now");
  }

  static void assertUnavailable(Api.Response profile, String reason) {
    assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
    assertThat(profile.json().get("skills").isArray()).isTrue();
    assertThat(profile.json().get("skills").isEmpty()).isTrue();
    assertThat(profile.json().get("progress").propertyNames())
        .containsExactly("available", "reason");
    assertThat(profile.json().get("progress"))
        .isEqualTo(tree(Map.of("available", false, "reason", reason)));
  }

  /** As JSON: objects compare whatever their fields' order, arrays in order. */
  private static JsonNode tree(Object value) {
    return JsonMapper.builder().build().readTree(Api.json(value));
  }

  private static Map<String, Object> skill(
      String skill, String level, int score, int sessions, int improvement) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("skill", skill);
    entry.put("level", level);
    entry.put("score", score);
    entry.put("sessionsPracticed", sessions);
    entry.put("improvement", improvement);
    return entry;
  }
}
