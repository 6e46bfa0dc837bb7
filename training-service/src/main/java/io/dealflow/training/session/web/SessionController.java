package io.dealflow.training.session.web;

import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Tenant;
import io.dealflow.training.access.Access;
import io.dealflow.training.scenario.Scenario;
import io.dealflow.training.scenario.ScenarioManagement;
import io.dealflow.training.session.CallRecordings;
import io.dealflow.training.session.SessionConfiguration;
import io.dealflow.training.session.SessionFeedback;
import io.dealflow.training.session.SessionManagement;
import io.dealflow.training.session.SessionStatus;
import io.dealflow.training.session.TrainingSession;
import io.dealflow.training.session.Turn;
import io.dealflow.training.speech.Voices;
import io.dealflow.training.web.PublicUrls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Training sessions. A rep creates and plays their own; managers and admins of the organization may
 * read their reps' sessions (by id, or listed with {@code user_id}).
 */
@RestController
@Validated
@RequestMapping("/api/v1/sessions")
@Tag(name = "Sessions (Voice Sales Trainer)")
@SecurityRequirement(name = "bearer")
class SessionController {

  private static final String STATUS = "created|active|paused|completed|cancelled";

  private final SessionManagement sessions;
  private final CallRecordings recordings;
  private final ScenarioManagement scenarios;
  private final Clock clock;

  SessionController(
      SessionManagement sessions,
      CallRecordings recordings,
      ScenarioManagement scenarios,
      Clock clock) {
    this.sessions = sessions;
    this.recordings = recordings;
    this.scenarios = scenarios;
    this.clock = clock;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create a training session on a scenario",
      description =
          "201 with `status: created` and the `websocket_url` of the call (`/ws/voice/{id}` on the"
              + " host the client used). Unknown scenario: 404 `SCENARIO_NOT_FOUND`; a retired"
              + " one or invalid configuration: 422; more than "
              + SessionManagement.MAX_OPEN_SESSIONS
              + " open sessions: 429 `SESSION_LIMIT_EXCEEDED`.")
  SessionResponses.Summary create(
      Tenant caller, @Valid @RequestBody SessionRequests.Create request, HttpServletRequest http) {
    UUID orgId = Access.organization(caller);
    UUID scenarioId = parseScenario(request.scenarioId());
    Scenario scenario = scenarios.find(orgId, scenarioId);
    SessionRequests.Configuration given = request.configuration();
    String voice = given == null || given.voiceId() == null ? Voices.DEFAULT : given.voiceId();
    if (!Voices.isKnown(voice)) {
      throw ApiException.invalid(
          "configuration.voice_id", "unknown", "must be one of " + String.join(", ", Voices.IDS));
    }
    SessionConfiguration configuration =
        new SessionConfiguration(
            given == null || given.coachingEnabled() == null || given.coachingEnabled(),
            given == null || given.difficultyLevel() == null
                ? scenario.difficulty()
                : given.difficultyLevel(),
            given == null || given.maxDuration() == null ? 1800 : given.maxDuration(),
            voice);
    TrainingSession session =
        sessions.create(
            orgId,
            caller.userId(),
            scenario.id(),
            Objects.requireNonNullElse(request.sessionType(), "practice"),
            configuration,
            request.practiceSessionId(),
            request.repAssignmentId());
    return SessionResponses.Summary.of(session, socketUrl(http, session.id()));
  }

  @GetMapping
  @Operation(
      summary = "The caller's sessions, newest first",
      description =
          "`skip`, `limit` 1-100 (default 50), `status`. Managers and admins may pass `user_id`"
              + " to list a member's sessions; others get 403 for anyone but themselves.")
  List<SessionResponses.Summary> list(
      Tenant caller,
      @RequestParam(defaultValue = "0") @Min(0) int skip,
      @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit,
      @RequestParam(required = false)
          @Pattern(regexp = STATUS, message = "must be one of " + STATUS)
          @Nullable String status,
      @RequestParam(name = "user_id", required = false) @Nullable UUID userId,
      HttpServletRequest http) {
    UUID orgId = Access.organization(caller);
    UUID whose = userId == null ? caller.userId() : userId;
    if (!whose.equals(caller.userId()) && !Access.readsTeam(caller)) {
      throw ApiException.forbidden("Only managers and admins read other members' sessions");
    }
    return sessions
        .list(
            orgId,
            whose,
            status == null ? null : SessionStatus.fromId(status).orElseThrow(),
            skip,
            limit)
        .stream()
        .map(session -> SessionResponses.Summary.of(session, socketUrl(http, session.id())))
        .toList();
  }

  @GetMapping("/{sessionId}")
  @Operation(
      summary = "A session with its transcript, metrics, evidence and coaching",
      description =
          "The owner's, or any of the organization's for its managers and admins; otherwise 404"
              + " `SESSION_NOT_FOUND`, as for an unknown id. Metrics are final once completed and"
              + " computed from the transcript so far before.")
  SessionResponses.Detail get(
      Tenant caller, @PathVariable String sessionId, HttpServletRequest http) {
    TrainingSession session = readable(caller, SessionIds.parse(sessionId));
    List<Turn> transcript = sessions.transcript(session);
    return SessionResponses.Detail.of(
        session,
        transcript,
        sessions.scorecard(session, transcript),
        sessions.tips(session),
        sessions.feedback(session),
        socketUrl(http, session.id()));
  }

  @GetMapping("/{sessionId}/recordings/{seq}")
  @Operation(
      summary = "The audio of one of the rep's lines, when recordings are kept",
      description =
          "Only with `dealflow.training.audio.store` on (off by default: the call's audio is"
              + " transcribed and dropped); `audio/wav`. 404 when off, for a line without"
              + " audio, or after the retention period. Readable as the session is.")
  ResponseEntity<byte[]> recording(
      Tenant caller, @PathVariable String sessionId, @PathVariable int seq) {
    TrainingSession session = readable(caller, SessionIds.parse(sessionId));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("audio/wav"))
        .cacheControl(CacheControl.noStore())
        .body(recordings.recording(session, seq));
  }

  @PutMapping("/{sessionId}/feedback")
  @Operation(
      summary = "Rate one of your sessions",
      description =
          "`rating` and `difficulty_rating` 1-5 (else 422); submitting again replaces the rating."
              + " Publishes `training.feedback.submitted`.")
  Map<String, String> feedback(
      Tenant caller,
      @PathVariable String sessionId,
      @Valid @RequestBody SessionRequests.Feedback request) {
    sessions.submitFeedback(
        Access.organization(caller),
        caller.userId(),
        SessionIds.parse(sessionId),
        new SessionFeedback(
            request.rating(),
            request.difficultyRating(),
            request.feedback() == null || request.feedback().isBlank()
                ? null
                : request.feedback().strip(),
            Boolean.TRUE.equals(request.technicalIssues()),
            clock.instant()));
    return Map.of("message", "Feedback submitted successfully");
  }

  @DeleteMapping("/{sessionId}")
  @Operation(
      summary = "Cancel one of your sessions that has not ended",
      description = "It no longer counts towards the open-session limit. Ended: 409.")
  SessionResponses.Summary cancel(
      Tenant caller, @PathVariable String sessionId, HttpServletRequest http) {
    TrainingSession session =
        sessions.cancel(Access.organization(caller), caller.userId(), SessionIds.parse(sessionId));
    return SessionResponses.Summary.of(session, socketUrl(http, session.id()));
  }

  private TrainingSession readable(Tenant caller, UUID id) {
    UUID orgId = Access.organization(caller);
    TrainingSession session = sessions.find(orgId, id);
    if (!session.userId().equals(caller.userId()) && !Access.readsTeam(caller)) {
      throw TrainingSession.notFound();
    }
    return session;
  }

  private static UUID parseScenario(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException notAUuid) {
      throw Scenario.notFound();
    }
  }

  private static String socketUrl(HttpServletRequest http, UUID sessionId) {
    return PublicUrls.socket(http, "/ws/voice/" + sessionId);
  }
}
