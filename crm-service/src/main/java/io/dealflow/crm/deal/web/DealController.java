package io.dealflow.crm.deal.web;

import io.dealflow.crm.deal.Deal;
import io.dealflow.crm.deal.DealDraft;
import io.dealflow.crm.deal.DealFilter;
import io.dealflow.crm.deal.DealId;
import io.dealflow.crm.deal.DealPage;
import io.dealflow.crm.deal.DealsProperties;
import io.dealflow.crm.deal.Pipeline;
import io.dealflow.crm.deal.Stage;
import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.FieldViolation;
import io.dealflow.platform.security.Role;
import io.dealflow.platform.security.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** VectorOS deals. A workspace or deal of an organization the caller is not in answers 404. */
@RestController
@Tag(name = "Deals (VectorOS)")
@SecurityRequirement(name = "bearer")
class DealController {

  static final String DEFAULT_LIMIT = "50";
  static final int MAX_LIMIT = 100;

  private final Pipeline pipeline;
  private final DealsProperties properties;

  DealController(Pipeline pipeline, DealsProperties properties) {
    this.pipeline = pipeline;
    this.properties = properties;
  }

  @GetMapping("/api/v1/workspaces/{workspaceId}/deals")
  @Operation(
      summary = "The workspace's deals, newest first",
      description =
          "Filters: `stage`, `assignedTo` (a user id). Paging: `limit` (1-100, default 50) and"
              + " `offset`; the body says the total.")
  DealListResponse list(
      Tenant caller,
      @PathVariable UUID workspaceId,
      @RequestParam(required = false) @Nullable String stage,
      @RequestParam(required = false) @Nullable UUID assignedTo,
      @RequestParam(defaultValue = DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit,
      @RequestParam(defaultValue = "0") @Min(0) int offset) {
    requireMember(caller, workspaceId);
    Stage only = null;
    if (stage != null) {
      only = Stage.fromId(stage).orElseThrow(() -> invalid(DealPatch.unknownStage()));
    }
    DealPage page = pipeline.list(workspaceId, new DealFilter(only, assignedTo), limit, offset);
    return new DealListResponse(
        page.deals().stream().map(DealResponse::of).toList(), page.total(), limit, offset);
  }

  @PostMapping("/api/v1/workspaces/{workspaceId}/deals")
  @Operation(summary = "Create a deal", description = "201 with the deal; emits `deal.created`.")
  ResponseEntity<DealResponse> create(
      Tenant caller,
      @PathVariable UUID workspaceId,
      @Valid @RequestBody CreateDealRequest request) {
    requireMember(caller, workspaceId);
    List<FieldViolation> violations = new ArrayList<>();
    Stage stage = Stage.LEAD;
    if (request.stage() != null) {
      Optional<Stage> named = Stage.fromId(request.stage());
      if (named.isPresent()) {
        stage = named.get();
      } else {
        violations.add(DealPatch.unknownStage());
      }
    }
    DealDraft draft =
        new DealDraft(
            request.title(),
            request.value(),
            Objects.requireNonNullElse(request.currency(), properties.defaultCurrency()),
            stage,
            request.probability(),
            request.assignedTo(),
            request.contactName(),
            request.companyName(),
            request.expectedCloseDate());
    violations.addAll(draft.violations());
    if (!violations.isEmpty()) {
      throw new ApiException(ApiError.validation(violations));
    }
    Deal deal = pipeline.open(workspaceId, caller.userId(), draft);
    return ResponseEntity.created(URI.create("/api/v1/deals/" + deal.id()))
        .body(DealResponse.of(deal));
  }

  @GetMapping("/api/v1/deals/{id}")
  @Operation(summary = "A deal of one of the caller's workspaces", description = "404 otherwise.")
  DealResponse get(Tenant caller, @PathVariable UUID id) {
    return DealResponse.of(pipeline.get(caller.orgIds(), DealId.of(id)));
  }

  @PatchMapping("/api/v1/deals/{id}")
  @Operation(
      summary = "Change a deal",
      description =
          "Send only the fields to change; null clears an optional field. With `version`, the"
              + " change is refused (409 DEAL_MODIFIED) if the deal changed since. A stage change"
              + " emits `deal.stage.changed`, and `deal.won` / `deal.lost` when it closes the deal.")
  DealResponse update(
      Tenant caller,
      @PathVariable UUID id,
      @RequestBody @Schema(implementation = UpdateDealRequest.class) JsonNode body) {
    DealPatch patch = DealPatch.of(body);
    return DealResponse.of(
        pipeline.revise(caller.orgIds(), DealId.of(id), patch.version(), patch::applyTo));
  }

  @DeleteMapping("/api/v1/deals/{id}")
  @Operation(
      summary = "Delete a deal",
      description = "Admins and managers of the deal's workspace; 204.")
  ResponseEntity<Void> delete(Tenant caller, @PathVariable UUID id) {
    UUID workspace = pipeline.get(caller.orgIds(), DealId.of(id)).orgId();
    if (!caller.hasRoleIn(workspace, Role.ADMIN, Role.MANAGER)) {
      throw ApiException.forbidden("Only admins and managers delete deals");
    }
    pipeline.remove(caller.orgIds(), DealId.of(id));
    return ResponseEntity.noContent().build();
  }

  private static void requireMember(Tenant caller, UUID workspaceId) {
    if (!caller.belongsTo(workspaceId)) {
      throw ApiException.notFound("Workspace");
    }
  }

  private static ApiException invalid(FieldViolation violation) {
    return new ApiException(ApiError.validation(List.of(violation)));
  }

  /**
   * A page of deals.
   *
   * @param deals the deals on this page, newest first
   * @param total how many deals match the filters
   * @param limit the page size asked for
   * @param offset how many matching deals come before this page
   */
  @Schema(name = "DealList")
  record DealListResponse(List<DealResponse> deals, long total, int limit, int offset) {}

  /** The PATCH body, for the API documentation (the controller reads it field by field). */
  @Schema(name = "UpdateDealRequest")
  record UpdateDealRequest(
      @Nullable String title,
      @Nullable BigDecimal value,
      @Nullable String currency,
      @Nullable String stage,
      @Nullable Integer probability,
      @Nullable UUID assignedTo,
      @Nullable String contactName,
      @Nullable String companyName,
      @Nullable LocalDate expectedCloseDate,
      @Schema(description = "The version last seen") @Nullable Long version) {}
}
