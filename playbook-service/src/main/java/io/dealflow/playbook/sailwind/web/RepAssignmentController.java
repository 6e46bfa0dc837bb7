package io.dealflow.playbook.sailwind.web;

import io.dealflow.platform.security.Tenant;
import io.dealflow.playbook.sailwind.RepAssignment;
import io.dealflow.playbook.sailwind.Roster;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rep assignments: admins assign, reps see their own with their practice so far. */
@RestController
@RequestMapping("/api/v1/sailwind")
@Tag(name = "Sailwind rep assignments (HelloSales)")
@SecurityRequirement(name = "bearer")
class RepAssignmentController {

  private final Roster roster;

  RepAssignmentController(Roster roster) {
    this.roster = roster;
  }

  @GetMapping("/my/rep-assignments")
  @Operation(
      summary = "The caller's rep assignments, newest first",
      description =
          "With the practice counted so far (`practicedMinutes`, `practiceComplete`: additions to"
              + " the seed), from completed training sessions.")
  List<RepAssignmentResponse> mine(Tenant caller) {
    return roster.of(Callers.organization(caller), caller.userId()).stream()
        .map(RepAssignmentResponse::of)
        .toList();
  }

  @PostMapping("/rep-assignments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Assign a rep (admins only)",
      description =
          "201; emits `rep.assigned`. 403 for a non-admin. The user must be a member of the"
              + " organization (asked of identity-service): 404 otherwise, 503 when identity-service"
              + " does not answer. A product, client or strategy of another organization: 404; an"
              + " archived product or client, or a strategy that is not approved or is for another"
              + " product or client: 400.")
  RepAssignmentResponse assign(
      Tenant caller,
      @Parameter(hidden = true) @AuthenticationPrincipal Jwt credential,
      @Valid @RequestBody CreateRepAssignmentRequest request) {
    return RepAssignmentResponse.of(
        roster.assign(
            Callers.adminOrganization(caller, "assign reps"),
            caller.userId(),
            new Roster.Assignment(
                request.userId(),
                request.productId(),
                request.clientId(),
                request.strategyId(),
                Objects.requireNonNullElse(
                    request.minPracticeMinutes(), RepAssignment.DEFAULT_MIN_PRACTICE_MINUTES)),
            // The caller's own credential (a user's token or an API token), relayed as a bearer.
            "Bearer " + credential.getTokenValue()));
  }

  @Schema(name = "SailwindRepAssignmentCreate")
  record CreateRepAssignmentRequest(
      @NotNull UUID userId,
      @NotNull UUID productId,
      @NotNull UUID clientId,
      @Schema(description = "An approved strategy for this product and client")
          @Nullable UUID strategyId,
      @Schema(description = "0-10000; 30 if omitted")
          @Min(0)
          @Max(RepAssignment.MAX_MIN_PRACTICE_MINUTES)
          @Nullable Integer minPracticeMinutes) {}

  @Schema(name = "SailwindRepAssignment")
  record RepAssignmentResponse(
      UUID id,
      UUID userId,
      UUID productId,
      UUID clientId,
      @Nullable UUID strategyId,
      int minPracticeMinutes,
      @Schema(description = "Addition: whole minutes of completed training counted so far")
          long practicedMinutes,
      @Schema(description = "Addition: practicedMinutes has reached minPracticeMinutes")
          boolean practiceComplete,
      UUID organizationId,
      Instant createdAt,
      Instant updatedAt) {

    static RepAssignmentResponse of(RepAssignment assignment) {
      return new RepAssignmentResponse(
          assignment.id(),
          assignment.userId(),
          assignment.productId(),
          assignment.clientId(),
          assignment.strategyId(),
          assignment.minPracticeMinutes(),
          assignment.practicedMinutes(),
          assignment.practiceComplete(),
          assignment.orgId(),
          assignment.createdAt(),
          assignment.updatedAt());
    }
  }
}
