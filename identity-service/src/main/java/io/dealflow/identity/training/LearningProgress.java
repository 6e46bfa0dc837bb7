package io.dealflow.identity.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What training-service says about a user's practice over a time range ({@code GET
 * /api/v1/learning/progress}), in Java's names. A number training-service leaves out stays {@code
 * null}: nothing is filled in here.
 *
 * @param timeRange the range asked for ({@code month})
 * @param totalSessions training sessions in the range
 * @param hoursPracticed hours of practice in the range
 * @param averageScore the sessions' average score
 * @param improvementTrend how the score moved over the range
 * @param streakDays consecutive days with practice
 * @param skills one entry per skill, ordered by the skill's name
 * @param recentAchievements what the user earned lately
 * @param recommendedScenarios ids of the scenarios training-service suggests next
 */
public record LearningProgress(
    String timeRange,
    @Nullable Number totalSessions,
    @Nullable Number hoursPracticed,
    @Nullable Number averageScore,
    @Nullable Number improvementTrend,
    @Nullable Number streakDays,
    List<Skill> skills,
    List<Achievement> recentAchievements,
    List<String> recommendedScenarios) {

  /** One skill: its level, score, practice and how much it improved. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Skill(
      String skill,
      @Nullable String level,
      @Nullable Number score,
      @Nullable Number sessionsPracticed,
      @Nullable Number improvement) {}

  /** An achievement the user earned ({@code earnedAt} as training-service wrote it). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Achievement(
      @Nullable String name, @Nullable String description, @Nullable String earnedAt) {}
}
