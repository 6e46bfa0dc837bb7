package io.dealflow.training.learning;

import static io.dealflow.training.TrainerErrors.assertTrainerError;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import io.dealflow.training.RunningTrainingService;
import io.dealflow.training.call.PlayedCalls;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Learning analytics computed from the sessions a rep completed. */
class LearningIT extends RunningTrainingService {

  @Test
  void progressCountsTheCompletedSessionsAndTheirSkills() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    PlayedCalls calls = new PlayedCalls(port, as(rep), rep.token());
    calls.play(
        "Sarah, what are your biggest challenges?",
        "I understand, that sounds frustrating. How do you handle it today?",
        "Could we schedule a demo next Tuesday at 10 am?");
    calls.play("Our platform is the best. We help everyone.");

    JsonNode progress = as(rep).get("/learning/progress?time_range=week").json();

    JsonNode overall = progress.get("overall_progress");
    assertThat(overall.get("total_sessions").asInt()).isEqualTo(2);
    assertThat(overall.get("hours_practiced").asDouble()).isGreaterThanOrEqualTo(0.0);
    assertThat(overall.get("average_score").isInt()).isTrue();
    assertThat(overall.get("streak_days").asInt()).isEqualTo(1);
    JsonNode skills = progress.get("skill_breakdown");
    assertThat(skills.propertyNames()).contains("rapport_building", "discovery", "closing");
    assertThat(skills.get("discovery").get("sessions_practiced").asInt()).isEqualTo(2);
    assertThat(skills.get("discovery").get("current_level").asString())
        .isIn("beginner", "intermediate", "advanced");
    List<String> achievements = new ArrayList<>();
    progress.get("recent_achievements").forEach(a -> achievements.add(a.get("name").asString()));
    assertThat(achievements).contains("First Call");
    assertThat(progress.get("recommended_scenarios").size()).isBetween(1, 3);

    String today = LocalDate.now(ZoneOffset.UTC).toString();
    JsonNode detailed = as(rep).get("/learning/analytics/detailed").json();
    JsonNode scores = detailed.get("performance_trends").get("scores_over_time");
    assertThat(scores.size()).isEqualTo(1);
    assertThat(scores.get(0).get("date").asString()).isEqualTo(today);
    JsonNode analysis = detailed.get("conversation_analysis");
    assertThat(analysis.get("average_talk_time").asDouble()).isBetween(0.0, 1.0);
    assertThat(analysis.get("question_frequency").asDouble()).isPositive();
    JsonNode sentiment = analysis.get("sentiment_distribution");
    assertThat(
            sentiment.get("positive").asDouble()
                + sentiment.get("neutral").asDouble()
                + sentiment.get("negative").asDouble())
        .isBetween(0.97, 1.03);
    assertThat(detailed.get("personalized_insights").size()).isPositive();
    assertThat(
            as(rep)
                .get("/learning/analytics/detailed?scenario_id=" + PlayedCalls.DISCOVERY)
                .json()
                .get("sessions")
                .asInt())
        .isEqualTo(2);
  }

  @Test
  void aRepWithoutSessionsGetsZerosAndBadPeriodsAreRefused() {
    ApiClient rep = as(TestUsers.inNewOrganization("rep"));

    JsonNode progress = rep.get("/learning/progress").json();
    assertThat(progress.get("overall_progress").get("total_sessions").asInt()).isZero();
    assertThat(progress.get("overall_progress").get("average_score").isNull()).isTrue();
    assertThat(progress.get("skill_breakdown").size()).isZero();
    assertThat(progress.get("recommended_scenarios").size()).isPositive();
    assertThat(
            rep.get("/learning/analytics/detailed")
                .json()
                .get("personalized_insights")
                .get(0)
                .asString())
        .startsWith("No completed sessions");
    assertTrainerError(rep.get("/learning/progress?time_range=decade"), 422, "VALIDATION_ERROR");
    assertTrainerError(
        rep.get("/learning/analytics/detailed?start_date=2026-02-01&end_date=2026-01-01"),
        422,
        "VALIDATION_ERROR");
    assertTrainerError(
        rep.get("/learning/analytics/detailed?start_date=yesterday"), 422, "VALIDATION_ERROR");
  }
}
