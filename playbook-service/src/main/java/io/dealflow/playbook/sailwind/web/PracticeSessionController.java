package io.dealflow.playbook.sailwind.web;

import io.dealflow.platform.security.Tenant;
import io.dealflow.playbook.sailwind.PracticeLog;
import io.dealflow.playbook.sailwind.PracticeSession;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Practice sessions: a rep starts one and sees their own. */
@RestController
@RequestMapping("/api/v1/sailwind")
@Tag(name = "Sailwind practice sessions (HelloSales)")
@SecurityRequirement(name = "bearer")
class PracticeSessionController {

  private final PracticeLog practice;

  PracticeSessionController(PracticeLog practice) {
    this.practice = practice;
  }

  @GetMapping("/my/practice-sessions")
  @Operation(
      summary = "The caller's practice sessions, newest first",
      description = "`limit` 1-200, default 50; outside it: 400.")
  List<PracticeSessionResponse> mine(
      Tenant caller,
      @RequestParam(defaultValue = "" + PracticeSession.DEFAULT_LIMIT)
          @Min(1)
          @Max(PracticeSession.MAX_LIMIT)
          int limit) {
    return practice.latest(Callers.organization(caller), caller.userId(), limit).stream()
        .map(PracticeSessionResponse::of)
        .toList();
  }

  @PostMapping("/practice-sessions")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Start a practice session",
      description =
          "201; emits `practice.session.started`. Give `strategyId`, `repAssignmentId` (one of the"
              + " caller's) or both; with only an assignment, its strategy is practised. Neither,"
              + " an archived strategy or one other than the assignment's: 400. Another"
              + " organization's strategy, or an assignment that is not the caller's: 404.")
  PracticeSessionResponse start(
      Tenant caller, @Valid @RequestBody StartPracticeSessionRequest request) {
    return PracticeSessionResponse.of(
        practice.start(
            Callers.organization(caller),
            caller.userId(),
            request.strategyId(),
            request.repAssignmentId()));
  }

  @Schema(name = "SailwindPracticeSessionCreate")
  record StartPracticeSessionRequest(@Nullable UUID strategyId, @Nullable UUID repAssignmentId) {}

  @Schema(name = "SailwindPracticeSession")
  record PracticeSessionResponse(
      UUID id,
      UUID userId,
      @Nullable UUID strategyId,
      @Nullable UUID repAssignmentId,
      UUID organizationId,
      Instant createdAt,
      Instant updatedAt) {

    static PracticeSessionResponse of(PracticeSession session) {
      return new PracticeSessionResponse(
          session.id(),
          session.userId(),
          session.strategyId(),
          session.repAssignmentId(),
          session.orgId(),
          session.createdAt(),
          session.updatedAt());
    }
  }
}
