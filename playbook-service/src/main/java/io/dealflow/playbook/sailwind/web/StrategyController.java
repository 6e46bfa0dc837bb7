package io.dealflow.playbook.sailwind.web;

import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Tenant;
import io.dealflow.playbook.sailwind.Playbook;
import io.dealflow.playbook.sailwind.Strategy;
import io.dealflow.playbook.sailwind.StrategyStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Sailwind strategies. Status moves draft → approved → archived only; other moves answer 400 {@code
 * INVALID_STATUS_TRANSITION}. Another organization's strategy, product or client answers 404.
 */
@RestController
@RequestMapping("/api/v1/sailwind/strategies")
@Tag(name = "Sailwind strategies (HelloSales)")
@SecurityRequirement(name = "bearer")
class StrategyController {

  private final Playbook playbook;

  StrategyController(Playbook playbook) {
    this.playbook = playbook;
  }

  @GetMapping
  @Operation(
      summary = "The organization's strategies, oldest first",
      description = "Archived ones only with `include_archived=true`.")
  List<StrategyResponse> list(
      Tenant caller,
      @RequestParam(name = "include_archived", defaultValue = "false") boolean includeArchived) {
    return playbook.strategies(Callers.organization(caller), includeArchived).stream()
        .map(StrategyResponse::of)
        .toList();
  }

  @PostMapping
  @Operation(
      summary = "Create a strategy",
      description =
          "201. `status` is draft (default) or approved (emits `strategy.approved`). A product or"
              + " client of another organization: 404; an archived one: 400.")
  ResponseEntity<StrategyResponse> create(
      Tenant caller, @Valid @RequestBody CreateStrategyRequest request) {
    StrategyStatus status = StrategyStatus.DRAFT;
    if (request.status() != null) {
      status =
          StrategyStatus.fromId(request.status())
              .orElseThrow(
                  () ->
                      ApiException.invalid(
                          "status", "invalid", "status must be one of " + StrategyStatus.NAMES));
    }
    Strategy strategy =
        playbook.create(
            Callers.organization(caller),
            caller.userId(),
            request.productId(),
            request.clientId(),
            request.strategyText().strip(),
            status);
    return ResponseEntity.created(URI.create("/api/v1/sailwind/strategies/" + strategy.id()))
        .body(StrategyResponse.of(strategy));
  }

  @GetMapping("/{strategyId}")
  @Operation(summary = "A strategy of the organization, archived or not")
  StrategyResponse get(Tenant caller, @PathVariable UUID strategyId) {
    return StrategyResponse.of(playbook.strategy(Callers.organization(caller), strategyId));
  }

  @PatchMapping("/{strategyId}")
  @Operation(
      summary = "Change a strategy's text or status",
      description =
          "`status` approved emits `strategy.approved`; `archived: true` is status archived."
              + " Moves other than draft → approved → archived, and changes of an archived"
              + " strategy, answer 400.")
  StrategyResponse update(
      Tenant caller,
      @PathVariable UUID strategyId,
      @RequestBody @Schema(implementation = UpdateStrategyRequest.class) JsonNode body) {
    Patch patch = Patch.of(body);
    String text = patch.requiredText("strategyText", Strategy.MAX_TEXT);
    StrategyStatus status =
        patch.choice("status", id -> StrategyStatus.fromId(id).orElse(null), StrategyStatus.NAMES);
    Boolean archived = patch.flag("archived");
    patch.validate();
    if (archived != null && status != null && archived != (status == StrategyStatus.ARCHIVED)) {
      throw ApiException.invalid(
          "archived", "conflict", "archived contradicts status " + status.id());
    }
    return StrategyResponse.of(
        playbook.revise(
            Callers.organization(caller), strategyId, caller.userId(), text, status, archived));
  }

  @DeleteMapping("/{strategyId}")
  @Operation(
      summary = "Archive a strategy (soft delete)",
      description = "204. It stays readable by id and with `include_archived=true`.")
  ResponseEntity<Void> archive(Tenant caller, @PathVariable UUID strategyId) {
    playbook.revise(
        Callers.organization(caller),
        strategyId,
        caller.userId(),
        null,
        StrategyStatus.ARCHIVED,
        null);
    return ResponseEntity.noContent().build();
  }

  @Schema(name = "SailwindStrategyCreate")
  record CreateStrategyRequest(
      @NotNull UUID productId,
      @NotNull UUID clientId,
      @NotBlank @Size(max = Strategy.MAX_TEXT) String strategyText,
      @Schema(
              allowableValues = {"draft", "approved"},
              defaultValue = "draft")
          @Nullable String status) {}

  @Schema(name = "SailwindStrategyUpdate")
  record UpdateStrategyRequest(
      @Nullable String strategyText,
      @Schema(allowableValues = {"draft", "approved", "archived"}) @Nullable String status,
      @Nullable Boolean archived) {}

  @Schema(name = "SailwindStrategy")
  record StrategyResponse(
      UUID id,
      UUID productId,
      UUID clientId,
      String strategyText,
      @Schema(allowableValues = {"draft", "approved", "archived"}) String status,
      UUID organizationId,
      Instant createdAt,
      Instant updatedAt,
      boolean archived) {

    static StrategyResponse of(Strategy strategy) {
      return new StrategyResponse(
          strategy.id(),
          strategy.productId(),
          strategy.clientId(),
          strategy.strategyText(),
          strategy.status().id(),
          strategy.orgId(),
          strategy.createdAt(),
          strategy.updatedAt(),
          strategy.archived());
    }
  }
}
