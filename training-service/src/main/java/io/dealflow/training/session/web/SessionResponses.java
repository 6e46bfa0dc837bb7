package io.dealflow.training.session.web;

import io.dealflow.training.scoring.CoachingFeedback;
import io.dealflow.training.scoring.Evidence;
import io.dealflow.training.scoring.PerformanceMetrics;
import io.dealflow.training.scoring.Scorecard;
import io.dealflow.training.session.GivenTip;
import io.dealflow.training.session.SessionConfiguration;
import io.dealflow.training.session.SessionFeedback;
import io.dealflow.training.session.TrainingSession;
import io.dealflow.training.session.Turn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Sessions on the wire, in the seed's shapes. */
final class SessionResponses {

  private SessionResponses() {}

  /** A session as created and as listed: without its transcript. */
  @Schema(name = "Session")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Summary(
      UUID id,
      UUID scenarioId,
      UUID userId,
      String sessionType,
      String status,
      ConfigurationResponse configuration,
      Instant createdAt,
      @Nullable Instant startedAt,
      @Nullable Instant completedAt,
      @Nullable Long duration,
      @Nullable Metrics performanceMetrics,
      String websocketUrl) {

    static Summary of(TrainingSession session, String websocketUrl) {
      Scorecard score = session.scorecard();
      return new Summary(
          session.id(),
          session.scenarioId(),
          session.userId(),
          session.sessionType(),
          session.status().id(),
          ConfigurationResponse.of(session.configuration()),
          session.createdAt(),
          session.startedAt(),
          session.completedAt(),
          session.duration(),
          score == null ? null : Metrics.of(score.metrics()),
          websocketUrl);
    }
  }

  /**
   * A session with its call: the transcript, the metrics (final once completed, so far before),
   * each metric's evidence, the feedback per skill, the coaching given live and the rep's rating.
   */
  @Schema(name = "SessionDetail")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Detail(
      UUID id,
      UUID scenarioId,
      UUID userId,
      String sessionType,
      String status,
      ConfigurationResponse configuration,
      Instant createdAt,
      @Nullable Instant startedAt,
      @Nullable Instant completedAt,
      @Nullable Long duration,
      List<Line> transcript,
      Metrics performanceMetrics,
      Map<String, EvidenceResponse> metricEvidence,
      List<FeedbackItem> coachingFeedback,
      List<LiveCoaching> liveCoaching,
      @Nullable FeedbackResponse feedback,
      String websocketUrl) {

    static Detail of(
        TrainingSession session,
        List<Turn> transcript,
        Scorecard score,
        List<GivenTip> tips,
        @Nullable SessionFeedback feedback,
        String websocketUrl) {
      return new Detail(
          session.id(),
          session.scenarioId(),
          session.userId(),
          session.sessionType(),
          session.status().id(),
          ConfigurationResponse.of(session.configuration()),
          session.createdAt(),
          session.startedAt(),
          session.completedAt(),
          session.duration(),
          transcript.stream().map(Line::of).toList(),
          Metrics.of(score.metrics()),
          evidence(score.evidence()),
          score.feedback().stream().map(FeedbackItem::of).toList(),
          tips.stream().map(LiveCoaching::of).toList(),
          feedback == null ? null : FeedbackResponse.of(feedback),
          websocketUrl);
    }
  }

  private static Map<String, EvidenceResponse> evidence(Map<String, Evidence> evidence) {
    Map<String, EvidenceResponse> wire = new TreeMap<>();
    evidence.forEach(
        (metric, why) -> wire.put(metric, new EvidenceResponse(why.turns(), why.explanation())));
    return wire;
  }

  /**
   * The seed's {@code performance_metrics}; a score is null when the call gave nothing to score.
   */
  @Schema(name = "PerformanceMetrics")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Metrics(
      @Nullable Integer overallScore,
      @Nullable Double talkTimeRatio,
      int questionCount,
      @Nullable Integer objectionHandlingScore,
      @Nullable Integer rapportBuildingScore,
      @Nullable Integer closingEffectiveness) {

    static Metrics of(PerformanceMetrics metrics) {
      return new Metrics(
          metrics.overallScore(),
          metrics.talkTimeRatio(),
          metrics.questionCount(),
          metrics.objectionHandlingScore(),
          metrics.rapportBuildingScore(),
          metrics.closingEffectiveness());
    }
  }

  /** Why a metric has its value: the transcript lines ({@code seq}) and the rule in words. */
  @Schema(name = "MetricEvidence")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record EvidenceResponse(List<Integer> turns, String explanation) {}

  @Schema(name = "CoachingFeedback")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record FeedbackItem(String category, String feedback, int score, String improvementTip) {

    static FeedbackItem of(CoachingFeedback item) {
      return new FeedbackItem(
          item.category(), item.feedback(), item.score(), item.improvementTip());
    }
  }

  @Schema(name = "SessionConfigurationResponse")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ConfigurationResponse(
      boolean coachingEnabled, String difficultyLevel, int maxDuration, String voiceId) {

    static ConfigurationResponse of(SessionConfiguration configuration) {
      return new ConfigurationResponse(
          configuration.coachingEnabled(),
          configuration.difficultyLevel(),
          configuration.maxDuration(),
          configuration.voiceId());
    }
  }

  @Schema(name = "TranscriptLine")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Line(
      int seq,
      String speaker,
      String text,
      Instant timestamp,
      String sentiment,
      @Nullable String intent,
      double speechSeconds,
      String source) {

    static Line of(Turn turn) {
      return new Line(
          turn.seq(),
          turn.speaker().id(),
          turn.text(),
          turn.spokenAt(),
          turn.sentiment(),
          turn.intent(),
          turn.speech().toMillis() / 1000.0,
          turn.source());
    }
  }

  @Schema(name = "LiveCoaching")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record LiveCoaching(
      String rule, String category, String urgency, String message, Instant timestamp) {

    static LiveCoaching of(GivenTip tip) {
      return new LiveCoaching(
          tip.rule(), tip.category(), tip.urgency(), tip.message(), tip.givenAt());
    }
  }

  @Schema(name = "SessionFeedbackResponse")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record FeedbackResponse(
      int rating,
      @Nullable String feedback,
      @Nullable Integer difficultyRating,
      boolean technicalIssues,
      Instant submittedAt) {

    static FeedbackResponse of(SessionFeedback feedback) {
      return new FeedbackResponse(
          feedback.rating(),
          feedback.feedback(),
          feedback.difficultyRating(),
          feedback.technicalIssues(),
          feedback.submittedAt());
    }
  }
}
