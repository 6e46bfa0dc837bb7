package io.dealflow.training.learning;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A rep's progress over a period: the seed's {@code overall_progress}, {@code skill_breakdown},
 * {@code recent_achievements} and {@code recommended_scenarios}.
 */
public record Progress(
    String timeRange,
    int totalSessions,
    double hoursPracticed,
    @Nullable Integer averageScore,
    int improvementTrend,
    int streakDays,
    Map<String, SkillProgress> skills,
    List<Achievement> recentAchievements,
    List<UUID> recommendedScenarios) {

  /** One skill over the period: its mean score, level, sessions that scored it, and the change. */
  public record SkillProgress(
      String currentLevel, int score, int sessionsPracticed, int improvement) {}
}
