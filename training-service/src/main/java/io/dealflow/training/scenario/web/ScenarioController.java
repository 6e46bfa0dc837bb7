package io.dealflow.training.scenario.web;

import io.dealflow.platform.security.Tenant;
import io.dealflow.training.access.Access;
import io.dealflow.training.scenario.ScenarioManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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

/** Training scenarios: everyone reads; admins of the organization write their own. */
@RestController
@Validated
@RequestMapping("/api/v1/scenarios")
@Tag(name = "Scenarios (Voice Sales Trainer)")
@SecurityRequirement(name = "bearer")
class ScenarioController {

  static final String CATEGORY =
      "cold_calling|discovery|objection_handling|closing|negotiation"
          + "|renewal|gatekeeper|follow_up";
  static final String DIFFICULTY = "beginner|intermediate|advanced";

  private final ScenarioManagement scenarios;

  ScenarioController(ScenarioManagement scenarios) {
    this.scenarios = scenarios;
  }

  @GetMapping
  @Operation(
      summary = "Active scenarios: the built-in library, then the organization's own",
      description =
          "A bare array. `skip` (default 0), `limit` 1-200 (default 50), `category`,"
              + " `difficulty`; an unknown category or difficulty is 422.")
  List<ScenarioResponse> list(
      Tenant caller,
      @RequestParam(defaultValue = "0") @Min(0) int skip,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
      @RequestParam(required = false)
          @Pattern(regexp = CATEGORY, message = "must be one of " + CATEGORY)
          @Nullable String category,
      @RequestParam(required = false)
          @Pattern(regexp = DIFFICULTY, message = "must be one of " + DIFFICULTY)
          @Nullable String difficulty) {
    return scenarios.list(Access.organization(caller), category, difficulty, skip, limit).stream()
        .map(ScenarioResponse::of)
        .toList();
  }

  @GetMapping("/{scenarioId}")
  @Operation(
      summary = "One scenario, with its prospect and conversation flow",
      description = "404 `SCENARIO_NOT_FOUND` for an unknown id or another organization's.")
  ScenarioResponse get(Tenant caller, @PathVariable String scenarioId) {
    return ScenarioResponse.of(
        scenarios.find(Access.organization(caller), ScenarioIds.parse(scenarioId)));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create a scenario (admins of the organization)",
      description =
          "201 with the scenario; others 403 `AUTH_INSUFFICIENT_PERMISSIONS`; invalid"
              + " fields 422 with `errors`.")
  ScenarioResponse create(Tenant caller, @Valid @RequestBody ScenarioRequest request) {
    UUID orgId = Access.adminOrganization(caller, "create scenarios");
    return ScenarioResponse.of(scenarios.create(orgId, caller.userId(), request.draft()));
  }

  @PutMapping("/{scenarioId}")
  @Operation(
      summary = "Revise one of the organization's scenarios (admins)",
      description = "The whole scenario, as for create. Built-in scenarios: 403.")
  ScenarioResponse revise(
      Tenant caller, @PathVariable String scenarioId, @Valid @RequestBody ScenarioRequest request) {
    UUID orgId = Access.adminOrganization(caller, "revise scenarios");
    return ScenarioResponse.of(
        scenarios.revise(orgId, ScenarioIds.parse(scenarioId), request.draft()));
  }

  @DeleteMapping("/{scenarioId}")
  @Operation(
      summary = "Retire one of the organization's scenarios (admins)",
      description =
          "It stays readable (`is_active: false`) for the sessions played on it, but no"
              + " longer lists and no new session can start on it. Built-in scenarios: 403.")
  ScenarioResponse retire(Tenant caller, @PathVariable String scenarioId) {
    UUID orgId = Access.adminOrganization(caller, "retire scenarios");
    return ScenarioResponse.of(scenarios.retire(orgId, ScenarioIds.parse(scenarioId)));
  }
}
