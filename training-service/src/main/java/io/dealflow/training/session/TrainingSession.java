package io.dealflow.training.session;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ErrorKind;
import io.dealflow.training.events.TrainingSessionCompleted;
import io.dealflow.training.scoring.Scorecard;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A rep's training session on a scenario. It moves created → active ⇄ paused → completed (or
 * cancelled) only through its verbs, which keep the clock: the duration is call time, pauses
 * excluded.
 *
 * @param userId the rep who owns it
 * @param scorecard the score, once completed
 * @param version incremented by every change, for optimistic locking
 */
public record TrainingSession(
    UUID id,
    UUID orgId,
    UUID userId,
    UUID scenarioId,
    String sessionType,
    SessionStatus status,
    SessionConfiguration configuration,
    @Nullable UUID practiceSessionId,
    @Nullable UUID repAssignmentId,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant pausedAt,
    long pausedSeconds,
    @Nullable Instant completedAt,
    Instant lastActivityAt,
    @Nullable Long duration,
    @Nullable Scorecard scorecard,
    int version) {

  static TrainingSession create(
      UUID orgId,
      UUID userId,
      UUID scenarioId,
      String sessionType,
      SessionConfiguration configuration,
      @Nullable UUID practiceSessionId,
      @Nullable UUID repAssignmentId,
      Instant now) {
    return new TrainingSession(
        UUID.randomUUID(),
        orgId,
        userId,
        scenarioId,
        sessionType,
        SessionStatus.CREATED,
        configuration,
        practiceSessionId,
        repAssignmentId,
        now,
        null,
        null,
        0,
        null,
        now,
        null,
        null,
        0);
  }

  /** The call begins (or, after a reconnect, goes on): created or paused become active. */
  TrainingSession start(Instant now) {
    guardOpen();
    return switch (status) {
      case CREATED -> with(SessionStatus.ACTIVE, now, null, pausedSeconds, null, now);
      case PAUSED -> resume(now);
      default -> touched(now);
    };
  }

  TrainingSession pause(Instant now) {
    if (status != SessionStatus.ACTIVE) {
      throw invalidMove("pause", "an active");
    }
    return with(SessionStatus.PAUSED, startedAt, now, pausedSeconds, null, now);
  }

  TrainingSession resume(Instant now) {
    if (status != SessionStatus.PAUSED || pausedAt == null) {
      throw invalidMove("resume", "a paused");
    }
    long paused = pausedSeconds + Duration.between(pausedAt, now).toSeconds();
    return with(SessionStatus.ACTIVE, startedAt, null, paused, null, now);
  }

  /** The call ends: scored, its duration fixed, and the event that tells playbook and insights. */
  Completion complete(Instant now, Scorecard score) {
    guardOpen();
    long paused =
        pausedSeconds + (pausedAt == null ? 0 : Duration.between(pausedAt, now).toSeconds());
    long seconds =
        startedAt == null ? 0 : Math.max(0, Duration.between(startedAt, now).toSeconds() - paused);
    TrainingSession completed =
        new TrainingSession(
            id,
            orgId,
            userId,
            scenarioId,
            sessionType,
            SessionStatus.COMPLETED,
            configuration,
            practiceSessionId,
            repAssignmentId,
            createdAt,
            startedAt == null ? now : startedAt,
            null,
            paused,
            now,
            now,
            seconds,
            score,
            version + 1);
    Integer overall = score.metrics().overallScore();
    TrainingSessionCompleted event =
        new TrainingSessionCompleted(
            id,
            userId,
            scenarioId,
            sessionType,
            completed.startedAt(),
            now,
            seconds,
            overall == null ? null : BigDecimal.valueOf(overall),
            practiceSessionId,
            repAssignmentId);
    return new Completion(completed, event);
  }

  TrainingSession cancel(Instant now) {
    guardOpen();
    return with(SessionStatus.CANCELLED, startedAt, null, pausedSeconds, now, now);
  }

  TrainingSession touched(Instant now) {
    return with(status, startedAt, pausedAt, pausedSeconds, completedAt, now);
  }

  /** Whether the call has run longer than the configuration allows. */
  public boolean overtime(Instant now) {
    if (startedAt == null) {
      return false;
    }
    long paused =
        pausedSeconds + (pausedAt == null ? 0 : Duration.between(pausedAt, now).toSeconds());
    return Duration.between(startedAt, now).toSeconds() - paused > configuration.maxDuration();
  }

  private void guardOpen() {
    if (!status.open()) {
      throw alreadyEnded();
    }
  }

  private TrainingSession with(
      SessionStatus next,
      @Nullable Instant started,
      @Nullable Instant paused,
      long pausedTotal,
      @Nullable Instant completed,
      Instant now) {
    return new TrainingSession(
        id,
        orgId,
        userId,
        scenarioId,
        sessionType,
        next,
        configuration,
        practiceSessionId,
        repAssignmentId,
        createdAt,
        started,
        paused,
        pausedTotal,
        completed,
        now,
        duration,
        scorecard,
        version + 1);
  }

  public static ApiException notFound() {
    return new ApiException(
        ApiError.of(ErrorKind.NOT_FOUND, "Session not found").withCode("SESSION_NOT_FOUND"));
  }

  public static ApiException alreadyEnded() {
    return new ApiException(
        ApiError.of(ErrorKind.CONFLICT, "The session has already ended")
            .withCode("SESSION_ALREADY_ENDED"));
  }

  private ApiException invalidMove(String action, String state) {
    return new ApiException(
        ApiError.of(
                ErrorKind.CONFLICT,
                "Only " + state + " session can " + action + "; this one is " + status.id())
            .withCode("INVALID_SESSION_STATE"));
  }

  /** A completed session and the event its completion publishes. */
  public record Completion(TrainingSession session, TrainingSessionCompleted event) {}
}
