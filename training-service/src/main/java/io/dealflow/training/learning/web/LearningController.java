package io.dealflow.training.learning.web;

import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Tenant;
import io.dealflow.training.access.Access;
import io.dealflow.training.learning.Achievement;
import io.dealflow.training.learning.DetailedAnalytics;
import io.dealflow.training.learning.LearningAnalytics;
import io.dealflow.training.learning.Progress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The caller's learning analytics, computed from their completed sessions. */
@RestController
@Validated
@RequestMapping("/api/v1/learning")
@Tag(name = "Learning analytics (Voice Sales Trainer)")
@SecurityRequirement(name = "bearer")
class LearningController {

  /** The longest period detailed analytics covers. */
  static final long MAX_DAYS = 366;

  private final LearningAnalytics analytics;
  private final Clock clock;

  LearningController(LearningAnalytics analytics, Clock clock) {
    this.analytics = analytics;
    this.clock = clock;
  }

  @GetMapping("/progress")
  @Operation(
      summary = "Progress, skills, achievements and recommended scenarios",
      description =
          "`time_range` week (7 days), month (30, the default), quarter (90) or year (365);"
              + " another value is 422.")
  ProgressResponse progress(
      Tenant caller,
      @RequestParam(name = "time_range", defaultValue = "month")
          @Pattern(
              regexp = "week|month|quarter|year",
              message = "must be week, month, quarter or year")
          String timeRange) {
    return ProgressResponse.of(
        analytics.progress(Access.organization(caller), caller.userId(), timeRange));
  }

  @GetMapping("/analytics/detailed")
  @Operation(
      summary = "Trends, conversation analysis and insights for a period",
      description =
          "`start_date`, `end_date` (YYYY-MM-DD, UTC days, both included; default the last 30"
              + " days, at most "
              + MAX_DAYS
              + "), `scenario_id` to keep one scenario's sessions.")
  DetailedResponse detailed(
      Tenant caller,
      @RequestParam(name = "scenario_id", required = false) @Nullable UUID scenarioId,
      @RequestParam(name = "start_date", required = false) @Nullable String startDate,
      @RequestParam(name = "end_date", required = false) @Nullable String endDate) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate end = endDate == null ? today : date("end_date", endDate);
    LocalDate start = startDate == null ? end.minusDays(29) : date("start_date", startDate);
    if (start.isAfter(end)) {
      throw ApiException.invalid("start_date", "after_end", "start_date is after end_date");
    }
    if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
      throw ApiException.invalid(
          "start_date", "too_long", "The period may cover at most " + MAX_DAYS + " days");
    }
    return DetailedResponse.of(
        analytics.detailed(Access.organization(caller), caller.userId(), scenarioId, start, end));
  }

  private static LocalDate date(String field, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException notADate) {
      throw ApiException.invalid(field, "format", field + " must be a date, YYYY-MM-DD");
    }
  }

  @Schema(name = "LearningProgress")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ProgressResponse(
      OverallProgress overallProgress,
      Map<String, SkillResponse> skillBreakdown,
      List<AchievementResponse> recentAchievements,
      List<UUID> recommendedScenarios,
      String timeRange) {

    static ProgressResponse of(Progress progress) {
      Map<String, SkillResponse> skills = new LinkedHashMap<>();
      progress
          .skills()
          .forEach(
              (skill, p) ->
                  skills.put(
                      skill,
                      new SkillResponse(
                          p.currentLevel(), p.score(), p.sessionsPracticed(), p.improvement())));
      return new ProgressResponse(
          new OverallProgress(
              progress.totalSessions(),
              progress.hoursPracticed(),
              progress.averageScore(),
              progress.improvementTrend(),
              progress.streakDays()),
          skills,
          progress.recentAchievements().stream().map(AchievementResponse::of).toList(),
          progress.recommendedScenarios(),
          progress.timeRange());
    }
  }

  @Schema(name = "OverallProgress")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record OverallProgress(
      int totalSessions,
      double hoursPracticed,
      @Nullable Integer averageScore,
      int improvementTrend,
      int streakDays) {}

  @Schema(name = "SkillProgress")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record SkillResponse(String currentLevel, int score, int sessionsPracticed, int improvement) {}

  @Schema(name = "Achievement")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record AchievementResponse(String name, String description, Instant earnedAt) {

    static AchievementResponse of(Achievement achievement) {
      return new AchievementResponse(
          achievement.name(), achievement.description(), achievement.earnedAt());
    }
  }

  @Schema(name = "DetailedAnalytics")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record DetailedResponse(
      PerformanceTrends performanceTrends,
      ConversationAnalysis conversationAnalysis,
      List<String> personalizedInsights,
      LocalDate startDate,
      LocalDate endDate,
      int sessions) {

    static DetailedResponse of(DetailedAnalytics detailed) {
      return new DetailedResponse(
          new PerformanceTrends(
              detailed.scoresOverTime().stream()
                  .map(day -> new DailyScore(day.date(), day.score()))
                  .toList(),
              detailed.skillProgression()),
          new ConversationAnalysis(
              detailed.averageTalkTime(),
              detailed.questionFrequency(),
              detailed.responseTime(),
              detailed.sentimentDistribution()),
          detailed.personalizedInsights(),
          detailed.startDate(),
          detailed.endDate(),
          detailed.sessions());
    }
  }

  @Schema(name = "PerformanceTrends")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record PerformanceTrends(
      List<DailyScore> scoresOverTime, Map<String, List<Integer>> skillProgression) {}

  @Schema(name = "DailyScore")
  record DailyScore(LocalDate date, int score) {}

  @Schema(name = "ConversationAnalysis")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ConversationAnalysis(
      @Nullable Double averageTalkTime,
      @Nullable Double questionFrequency,
      @Nullable Double responseTime,
      Map<String, Double> sentimentDistribution) {}
}
