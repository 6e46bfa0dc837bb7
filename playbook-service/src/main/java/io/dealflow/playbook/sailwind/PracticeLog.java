package io.dealflow.playbook.sailwind;

import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.events.Outbox;
import io.dealflow.playbook.events.PlaybookEvents;
import io.dealflow.playbook.events.PracticeSessionStarted;
import io.dealflow.training.events.TrainingSessionCompleted;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reps' practice: the sessions they start ({@code practice.session.started}) and the training time
 * that counts towards their assignments ({@code training.session.completed}).
 */
@Service
public class PracticeLog {

  private static final Logger log = LoggerFactory.getLogger(PracticeLog.class);

  private final PracticeSessions sessions;
  private final RepAssignments assignments;
  private final Strategies strategies;
  private final Outbox outbox;

  PracticeLog(
      PracticeSessions sessions, RepAssignments assignments, Strategies strategies, Outbox outbox) {
    this.sessions = sessions;
    this.assignments = assignments;
    this.strategies = strategies;
    this.outbox = outbox;
  }

  /**
   * Starts a practice session of the user. With only an assignment, the session practises the
   * assignment's strategy.
   *
   * @throws ApiException 400 when neither is given, the strategy is archived or differs from the
   *     assignment's; 404 for a strategy of another organization or an assignment that is not the
   *     user's
   */
  @Transactional
  public PracticeSession start(
      UUID orgId, UUID userId, @Nullable UUID strategyId, @Nullable UUID repAssignmentId) {
    if (strategyId == null && repAssignmentId == null) {
      throw ApiException.invalid(
          "strategyId", "required", "Give a strategyId, a repAssignmentId or both");
    }
    UUID practised = strategyId;
    if (repAssignmentId != null) {
      RepAssignment assignment =
          assignments
              .find(orgId, repAssignmentId)
              .filter(a -> a.userId().equals(userId))
              .orElseThrow(() -> ApiException.notFound("Rep assignment"));
      if (strategyId != null
          && assignment.strategyId() != null
          && !strategyId.equals(assignment.strategyId())) {
        throw ApiException.invalid(
            "strategyId", "mismatch", "The assignment is for another strategy");
      }
      if (practised == null) {
        practised = assignment.strategyId();
      }
    }
    if (practised != null) {
      Strategy strategy =
          strategies.find(orgId, practised, false).orElseThrow(Playbook::strategyNotFound);
      if (strategy.archived()) {
        throw ApiException.invalid("strategyId", "archived", "The strategy is archived");
      }
    }
    Instant now = Rows.now();
    PracticeSession session =
        new PracticeSession(UUID.randomUUID(), orgId, userId, practised, repAssignmentId, now, now);
    sessions.insert(session);
    outbox.append(
        PlaybookEvents.PRACTICE_SESSION_STARTED,
        session.id(),
        orgId,
        new PracticeSessionStarted(session.id(), userId, practised, repAssignmentId, now));
    log.info("Practice session {} started by {}", session.id(), userId);
    return session;
  }

  /** The user's latest practice sessions in the organization, newest first. */
  @Transactional(readOnly = true)
  public List<PracticeSession> latest(UUID orgId, UUID userId, int limit) {
    return sessions.latestOfUser(orgId, userId, limit);
  }

  /**
   * Counts a completed training session towards the rep assignment it was run for: the one of its
   * practice session, else the one it names. Runs in the consumer's transaction, once per event. An
   * event of no organization, or naming what is not the user's, changes nothing.
   *
   * @return whether practice was counted
   */
  @Transactional
  public boolean credit(@Nullable UUID orgId, TrainingSessionCompleted completed) {
    if (orgId == null || completed.duration() <= 0) {
      return false;
    }
    UUID assignmentId = completed.repAssignmentId();
    if (completed.practiceSessionId() != null) {
      assignmentId =
          sessions
              .find(orgId, completed.practiceSessionId())
              .filter(s -> s.userId().equals(completed.userId()))
              .map(PracticeSession::repAssignmentId)
              .orElse(assignmentId);
    }
    if (assignmentId == null) {
      log.debug("Training session {} counts towards no assignment", completed.sessionId());
      return false;
    }
    boolean counted =
        assignments.addPractice(
            orgId, assignmentId, completed.userId(), completed.duration(), Rows.now());
    if (counted) {
      log.info(
          "Training session {} added {} s of practice to assignment {}",
          completed.sessionId(),
          completed.duration(),
          assignmentId);
    } else {
      log.warn(
          "Training session {} names assignment {}, which is not its user's in organization {}",
          completed.sessionId(),
          assignmentId,
          orgId);
    }
    return counted;
  }
}
