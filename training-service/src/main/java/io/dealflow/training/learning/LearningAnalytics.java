package io.dealflow.training.learning;

import io.dealflow.training.learning.DetailedAnalytics.DailyScore;
import io.dealflow.training.learning.Progress.SkillProgress;
import io.dealflow.training.scenario.Scenario;
import io.dealflow.training.scenario.ScenarioManagement;
import io.dealflow.training.scoring.Language;
import io.dealflow.training.scoring.PerformanceMetrics;
import io.dealflow.training.scoring.Speaker;
import io.dealflow.training.session.SessionManagement;
import io.dealflow.training.session.SessionTurn;
import io.dealflow.training.session.TrainingSession;
import io.dealflow.training.session.Turn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Learning analytics from a rep's completed sessions; every figure is computed from stored sessions
 * and transcripts by the rules in the README ("Learning analytics"). Days are UTC days.
 */
@Service
public class LearningAnalytics {

  /** How far back achievements and streaks look. */
  static final Duration HISTORY = Duration.ofDays(366);

  private final SessionManagement sessions;
  private final ScenarioManagement scenarios;
  private final Clock clock;

  LearningAnalytics(SessionManagement sessions, ScenarioManagement scenarios, Clock clock) {
    this.sessions = sessions;
    this.scenarios = scenarios;
    this.clock = clock;
  }

  /** Progress over the last week, month (30 days), quarter (90 days) or year (365 days). */
  public Progress progress(UUID orgId, UUID userId, String timeRange) {
    Instant now = clock.instant();
    Instant from = now.minus(Duration.ofDays(days(timeRange)));
    List<TrainingSession> history =
        sessions.completedBetween(orgId, userId, now.minus(HISTORY), now.plusSeconds(1));
    List<TrainingSession> period =
        history.stream().filter(s -> !s.completedAt().isBefore(from)).toList();
    List<PerformanceMetrics> scored = metrics(period);

    long seconds =
        period.stream().mapToLong(s -> Objects.requireNonNullElse(s.duration(), 0L)).sum();
    List<Integer> overall =
        scored.stream().map(PerformanceMetrics::overallScore).filter(Objects::nonNull).toList();
    Map<String, SkillProgress> skills = new LinkedHashMap<>();
    for (Skill skill : Skill.values()) {
      List<Integer> scores = scored.stream().map(skill::score).filter(Objects::nonNull).toList();
      if (!scores.isEmpty()) {
        int mean = mean(scores);
        skills.put(
            skill.id(),
            new SkillProgress(
                Skill.level(mean), mean, scores.size(), scores.getLast() - scores.getFirst()));
      }
    }
    return new Progress(
        timeRange,
        period.size(),
        Math.round(seconds / 360.0) / 10.0,
        overall.isEmpty() ? null : mean(overall),
        trend(overall),
        streak(history, now),
        skills,
        Achievements.earned(history).stream().limit(5).toList(),
        recommend(orgId, skills, period));
  }

  public DetailedAnalytics detailed(
      UUID orgId, UUID userId, @Nullable UUID scenarioId, LocalDate start, LocalDate end) {
    Instant from = start.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<TrainingSession> period =
        sessions.completedBetween(orgId, userId, from, to).stream()
            .filter(s -> scenarioId == null || s.scenarioId().equals(scenarioId))
            .filter(s -> s.scorecard() != null)
            .toList();

    Map<LocalDate, List<Integer>> byDay = new TreeMap<>();
    Map<String, List<Integer>> progression = new LinkedHashMap<>();
    List<Double> ratios = new ArrayList<>();
    for (TrainingSession session : period) {
      PerformanceMetrics metrics = session.scorecard().metrics();
      if (metrics.overallScore() != null) {
        byDay
            .computeIfAbsent(
                LocalDate.ofInstant(session.completedAt(), ZoneOffset.UTC), d -> new ArrayList<>())
            .add(metrics.overallScore());
      }
      for (Skill skill :
          List.of(
              Skill.RAPPORT_BUILDING, Skill.DISCOVERY, Skill.OBJECTION_HANDLING, Skill.CLOSING)) {
        Integer score = skill.score(metrics);
        if (score != null) {
          progression.computeIfAbsent(skill.id(), k -> new ArrayList<>()).add(score);
        }
      }
      if (metrics.talkTimeRatio() != null) {
        ratios.add(metrics.talkTimeRatio());
      }
    }
    List<DailyScore> scores =
        byDay.entrySet().stream()
            .map(day -> new DailyScore(day.getKey(), mean(day.getValue())))
            .toList();

    List<SessionTurn> lines =
        sessions.transcripts(orgId, period.stream().map(TrainingSession::id).toList());
    Double talk =
        ratios.isEmpty() ? null : round2(ratios.stream().mapToDouble(d -> d).average().orElse(0));
    Double questions = questionFrequency(lines);
    Double response = responseTime(lines);
    Map<String, Double> sentiment = sentiment(lines);
    return new DetailedAnalytics(
        start,
        end,
        period.size(),
        scores,
        progression,
        talk,
        questions,
        response,
        sentiment,
        Insights.write(period.size(), scores, progression, talk, questions, response, sentiment));
  }

  static int days(String timeRange) {
    return switch (timeRange) {
      case "week" -> 7;
      case "quarter" -> 90;
      case "year" -> 365;
      default -> 30;
    };
  }

  private static List<PerformanceMetrics> metrics(List<TrainingSession> sessions) {
    return sessions.stream()
        .filter(s -> s.scorecard() != null)
        .map(s -> s.scorecard().metrics())
        .toList();
  }

  /** The mean of the later half of the scores minus the mean of the earlier half. */
  static int trend(List<Integer> scores) {
    if (scores.size() < 2) {
      return 0;
    }
    int half = scores.size() / 2;
    return mean(scores.subList(scores.size() - half, scores.size()))
        - mean(scores.subList(0, half));
  }

  /** Consecutive days with a completed session, ending today (or yesterday, if none yet today). */
  static int streak(List<TrainingSession> history, Instant now) {
    Set<LocalDate> days = new HashSet<>();
    history.forEach(s -> days.add(LocalDate.ofInstant(s.completedAt(), ZoneOffset.UTC)));
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    if (!days.contains(day)) {
      day = day.minusDays(1);
    }
    int streak = 0;
    while (days.contains(day)) {
      streak++;
      day = day.minusDays(1);
    }
    return streak;
  }

  /**
   * Up to three active scenarios training the two weakest skills, ones not played in the period
   * first; with nothing played yet, the beginner scenarios of the library.
   */
  private List<UUID> recommend(
      UUID orgId, Map<String, SkillProgress> skills, List<TrainingSession> period) {
    List<Scenario> all = scenarios.list(orgId, null, null, 0, 500);
    Set<UUID> played = period.stream().map(TrainingSession::scenarioId).collect(Collectors.toSet());
    List<String> categories =
        skills.isEmpty()
            ? List.of()
            : skills.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> e.getValue().score()))
                .limit(2)
                .map(e -> Skill.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT)).trainedBy())
                .distinct()
                .toList();
    List<Scenario> candidates =
        categories.isEmpty()
            ? all.stream().filter(s -> s.difficulty().equals("beginner")).toList()
            : all.stream().filter(s -> categories.contains(s.category())).toList();
    return candidates.stream()
        .sorted(Comparator.comparing((Scenario s) -> played.contains(s.id())))
        .limit(3)
        .map(Scenario::id)
        .toList();
  }

  /** Questions per turn of the rep. */
  private static @Nullable Double questionFrequency(List<SessionTurn> lines) {
    List<Turn> rep =
        lines.stream().map(SessionTurn::turn).filter(t -> t.speaker() == Speaker.USER).toList();
    if (rep.isEmpty()) {
      return null;
    }
    int questions = rep.stream().mapToInt(t -> Language.questions(t.text())).sum();
    return round2((double) questions / rep.size());
  }

  /**
   * Seconds from the end of the prospect's line (its time plus its spoken length) to the start of
   * the rep's answer (the answer's time minus its spoken length), never below zero.
   */
  private static @Nullable Double responseTime(List<SessionTurn> lines) {
    List<Double> gaps = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      SessionTurn previous = lines.get(i - 1);
      SessionTurn current = lines.get(i);
      if (!previous.sessionId().equals(current.sessionId())
          || previous.turn().speaker() != Speaker.AI
          || current.turn().speaker() != Speaker.USER) {
        continue;
      }
      Instant prospectDone = previous.turn().spokenAt().plus(previous.turn().speech());
      Instant repStarted = current.turn().spokenAt().minus(current.turn().speech());
      gaps.add(Math.max(0, Duration.between(prospectDone, repStarted).toMillis() / 1000.0));
    }
    return gaps.isEmpty() ? null : round2(gaps.stream().mapToDouble(d -> d).average().orElse(0));
  }

  /** The share of every line of the calls that sounded positive, neutral or negative. */
  private static Map<String, Double> sentiment(List<SessionTurn> lines) {
    Map<String, Double> distribution = new LinkedHashMap<>();
    for (String polarity : List.of("positive", "neutral", "negative")) {
      long count =
          lines.stream()
              .filter(l -> Language.polarity(l.turn().sentiment()).equals(polarity))
              .count();
      distribution.put(polarity, lines.isEmpty() ? 0.0 : round2((double) count / lines.size()));
    }
    return distribution;
  }

  static int mean(List<Integer> values) {
    return (int) Math.round(values.stream().mapToInt(Integer::intValue).average().orElse(0));
  }

  private static double round2(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
