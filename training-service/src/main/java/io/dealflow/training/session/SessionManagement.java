package io.dealflow.training.session;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ErrorKind;
import io.dealflow.platform.events.Outbox;
import io.dealflow.training.events.TrainingEvents;
import io.dealflow.training.events.TrainingFeedbackSubmitted;
import io.dealflow.training.scenario.Scenario;
import io.dealflow.training.scenario.ScenarioManagement;
import io.dealflow.training.scoring.CallScoring;
import io.dealflow.training.scoring.Scorecard;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training sessions from creation to score: what the REST API and the call do to them. A session is
 * its owner's; the caller's right to read another member's is checked by the web layer.
 */
@Service
public class SessionManagement {

  /** Sessions a user may have open (created, active or paused) at once. */
  public static final int MAX_OPEN_SESSIONS = 3;

  private final TrainingSessions sessions;
  private final Transcripts transcripts;
  private final Feedbacks feedbacks;
  private final ScenarioManagement scenarios;
  private final Outbox outbox;
  private final Clock clock;

  SessionManagement(
      TrainingSessions sessions,
      Transcripts transcripts,
      Feedbacks feedbacks,
      ScenarioManagement scenarios,
      Outbox outbox,
      Clock clock) {
    this.sessions = sessions;
    this.transcripts = transcripts;
    this.feedbacks = feedbacks;
    this.scenarios = scenarios;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * @throws ApiException 404 {@code SCENARIO_NOT_FOUND}; 422 for a retired scenario; 429 {@code
   *     SESSION_LIMIT_EXCEEDED} when the user already has {@value #MAX_OPEN_SESSIONS} open sessions
   */
  @Transactional
  public TrainingSession create(
      UUID orgId,
      UUID userId,
      UUID scenarioId,
      String sessionType,
      SessionConfiguration configuration,
      @Nullable UUID practiceSessionId,
      @Nullable UUID repAssignmentId) {
    Scenario scenario = scenarios.find(orgId, scenarioId);
    if (!scenario.active()) {
      throw ApiException.invalid(
          "scenario_id", "retired", "The scenario is retired: choose an active one");
    }
    if (sessions.countOpen(orgId, userId) >= MAX_OPEN_SESSIONS) {
      throw new ApiException(
          ApiError.of(
                  ErrorKind.RATE_LIMITED,
                  "You already have "
                      + MAX_OPEN_SESSIONS
                      + " open sessions: end or cancel one first")
              .withCode("SESSION_LIMIT_EXCEEDED"));
    }
    TrainingSession session =
        TrainingSession.create(
            orgId,
            userId,
            scenario.id(),
            sessionType,
            configuration,
            practiceSessionId,
            repAssignmentId,
            clock.instant());
    sessions.insert(session);
    return session;
  }

  public List<TrainingSession> list(
      UUID orgId, UUID userId, @Nullable SessionStatus status, int skip, int limit) {
    return sessions.list(orgId, userId, status, skip, limit);
  }

  /**
   * @throws ApiException 404 {@code SESSION_NOT_FOUND}
   */
  public TrainingSession find(UUID orgId, UUID id) {
    return sessions.find(orgId, id).orElseThrow(TrainingSession::notFound);
  }

  /** The caller's own session; another user's answers 404 as if it did not exist. */
  public TrainingSession findOwn(UUID orgId, UUID userId, UUID id) {
    TrainingSession session = find(orgId, id);
    if (!session.userId().equals(userId)) {
      throw TrainingSession.notFound();
    }
    return session;
  }

  public List<Turn> transcript(TrainingSession session) {
    return transcripts.turns(session.orgId(), session.id());
  }

  public List<GivenTip> tips(TrainingSession session) {
    return transcripts.tips(session.orgId(), session.id());
  }

  public @Nullable SessionFeedback feedback(TrainingSession session) {
    return feedbacks.find(session.orgId(), session.id()).orElse(null);
  }

  /** The score: stored once completed; computed from the transcript so far before that. */
  public Scorecard scorecard(TrainingSession session, List<Turn> transcript) {
    Scorecard stored = session.scorecard();
    if (stored != null) {
      return stored;
    }
    Scenario scenario = scenarios.find(session.orgId(), session.scenarioId());
    return CallScoring.score(
        transcript.stream().map(Turn::forScoring).toList(), scenario.persona().name());
  }

  @Transactional
  public void submitFeedback(UUID orgId, UUID userId, UUID id, SessionFeedback feedback) {
    TrainingSession session = findOwn(orgId, userId, id);
    feedbacks.save(orgId, id, userId, feedback);
    outbox.append(
        TrainingEvents.TRAINING_FEEDBACK_SUBMITTED,
        id,
        orgId,
        new TrainingFeedbackSubmitted(
            id,
            userId,
            session.scenarioId(),
            feedback.rating(),
            feedback.difficultyRating(),
            feedback.technicalIssues(),
            feedback.submittedAt()));
  }

  @Transactional
  public TrainingSession cancel(UUID orgId, UUID userId, UUID id) {
    return change(findOwn(orgId, userId, id), session -> session.cancel(clock.instant()));
  }

  @Transactional
  public TrainingSession start(TrainingSession session) {
    return change(current(session), s -> s.start(clock.instant()));
  }

  @Transactional
  public TrainingSession pause(TrainingSession session) {
    return change(current(session), s -> s.pause(clock.instant()));
  }

  @Transactional
  public TrainingSession resume(TrainingSession session) {
    return change(current(session), s -> s.resume(clock.instant()));
  }

  /** Appends a line to the transcript and marks the session active now. */
  @Transactional
  public void record(TrainingSession session, Turn turn) {
    transcripts.append(session.orgId(), session.id(), turn);
    change(current(session), s -> s.touched(clock.instant()));
  }

  @Transactional
  public void recordTip(TrainingSession session, GivenTip tip) {
    transcripts.coach(session.orgId(), session.id(), tip);
  }

  /**
   * Scores the call, completes the session and publishes {@code training.session.completed}, all in
   * one transaction.
   */
  @Transactional
  public TrainingSession complete(TrainingSession session) {
    TrainingSession current = current(session);
    Scorecard score = scorecard(current, transcript(current));
    TrainingSession.Completion completion = current.complete(clock.instant(), score);
    save(completion.session());
    outbox.append(
        TrainingEvents.TRAINING_SESSION_COMPLETED,
        current.id(),
        current.orgId(),
        completion.event());
    return completion.session();
  }

  /** A user's sessions completed in {@code [from, to)}, oldest first. */
  public List<TrainingSession> completedBetween(UUID orgId, UUID userId, Instant from, Instant to) {
    return sessions.completed(orgId, userId, from, to);
  }

  /** The transcripts of some of an organization's sessions, for analytics. */
  public List<SessionTurn> transcripts(UUID orgId, List<UUID> sessionIds) {
    return transcripts.turnsOf(orgId, sessionIds);
  }

  /** Sessions of any organization open with no activity since {@code before}. */
  public List<TrainingSession> idleSince(Instant before, int limit) {
    return sessions.idleSince(before, limit);
  }

  private TrainingSession current(TrainingSession session) {
    return find(session.orgId(), session.id());
  }

  private TrainingSession change(TrainingSession session, UnaryOperator<TrainingSession> change) {
    TrainingSession changed = change.apply(session);
    save(changed);
    return changed;
  }

  private void save(TrainingSession changed) {
    if (!sessions.update(changed)) {
      throw ApiException.conflict(
          "SESSION_CHANGED", "The session was changed meanwhile: read it again and retry");
    }
  }
}
