package io.dealflow.training.objection.web;

import io.dealflow.platform.security.Tenant;
import io.dealflow.training.access.Access;
import io.dealflow.training.objection.Approval;
import io.dealflow.training.objection.ObjectionManagement;
import io.dealflow.training.scenario.web.ScenarioResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Objections from your calls", for the organization's admins: the objection themes heard in its
 * crm calls and the scenario they make, published only when an admin approves it. A literal path,
 * so {@code GET /api/v1/scenarios/{scenario_id}} never takes it.
 */
@RestController
@RequestMapping("/api/v1/scenarios/from-calls")
@Tag(name = "Scenarios (Voice Sales Trainer)")
@SecurityRequirement(name = "bearer")
class CallObjectionController {

  private final ObjectionManagement objections;

  CallObjectionController(ObjectionManagement objections) {
    this.objections = objections;
  }

  @GetMapping
  @Operation(
      summary = "The objections heard in the organization's calls and the scenario they make",
      description =
          "Admins of the organization; others 403 `AUTH_INSUFFICIENT_PERMISSIONS`. The themes"
              + " with counts and examples, and the proposed scenario \"Objections from your"
              + " calls\" (not visible to reps until approved). 404 `NO_CALL_OBJECTIONS` before"
              + " any prospect's objection was heard.")
  ObjectionsDraftResponse draft(Tenant caller) {
    UUID orgId = Access.adminOrganization(caller, "review the objections from calls");
    return ObjectionsDraftResponse.of(objections.draft(orgId));
  }

  @PostMapping("/approve")
  @Operation(
      summary = "Publish the scenario from the calls (admins)",
      description =
          "201 with the new scenario (origin `from_calls`), which reps then list and train on."
              + " Approving again while it is active revises it with the current draft: 200, same"
              + " id. After it was retired, approving creates a new one (201). 404"
              + " `NO_CALL_OBJECTIONS` before any objection was heard; others 403.")
  ResponseEntity<ScenarioResponse> approve(Tenant caller) {
    UUID orgId = Access.adminOrganization(caller, "publish scenarios from calls");
    Approval approval = objections.approve(orgId, caller.userId());
    ScenarioResponse body = ScenarioResponse.of(approval.scenario());
    return approval.created()
        ? ResponseEntity.created(URI.create("/api/v1/scenarios/" + body.id())).body(body)
        : ResponseEntity.status(HttpStatus.OK).body(body);
  }
}
