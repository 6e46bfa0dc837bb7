package io.dealflow.training.session;

import io.dealflow.platform.error.ApiException;
import io.dealflow.training.scoring.Speaker;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends sessions left open with no activity for 30 minutes, so they stop counting towards the
 * open-session limit: scored and completed when the rep said anything, cancelled otherwise. Safe
 * with several instances: a session changed by another instance first is left to it.
 */
@Component
class AbandonedSessions {

  static final Duration IDLE = Duration.ofMinutes(30);

  private static final Logger log = LoggerFactory.getLogger(AbandonedSessions.class);

  private final SessionManagement sessions;
  private final Transcripts transcripts;
  private final Clock clock;

  AbandonedSessions(SessionManagement sessions, Transcripts transcripts, Clock clock) {
    this.sessions = sessions;
    this.transcripts = transcripts;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
  void endIdleSessions() {
    for (TrainingSession session : sessions.idleSince(clock.instant().minus(IDLE), 100)) {
      try {
        boolean spoke =
            transcripts.turns(session.orgId(), session.id()).stream()
                .anyMatch(turn -> turn.speaker() == Speaker.USER);
        if (spoke) {
          sessions.complete(session);
        } else {
          sessions.cancel(session.orgId(), session.userId(), session.id());
        }
        log.info("Session {} ended after {} without activity", session.id(), IDLE);
      } catch (ApiException changedMeanwhile) {
        log.debug("Session {} changed meanwhile: left as it is", session.id());
      }
    }
  }
}
