package io.dealflow.insights.insight.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dealflow.insights.insight.FindingNarrative;
import io.dealflow.insights.insight.Insight;
import io.dealflow.insights.insight.Insight.Status;
import io.dealflow.insights.insight.Insight.Subject;
import io.dealflow.insights.insight.InsightManagement;
import io.dealflow.insights.insight.InsightManagement.InsightPage;
import io.dealflow.insights.rules.DealFigures;
import io.dealflow.insights.rules.Finding;
import io.dealflow.insights.rules.PipelineRules;
import io.dealflow.insights.rules.PipelineRules.Outcome;
import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.FieldViolation;
import io.dealflow.platform.security.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * VectorOS insights: the workspace's insights and their status, and (AI core) insights and
 * recommendations from figures a client sends, by the same rules that watch the workspace's own
 * pipeline ({@link PipelineRules}).
 */
@RestController
@Tag(name = "Insights (VectorOS)")
@SecurityRequirement(name = "bearer")
class InsightController {

  static final List<String> DATA_TYPES = List.of("deals");
  static final String DEFAULT_LIMIT = "50";
  static final int MAX_LIMIT = 100;

  private final InsightManagement insights;
  private final FindingNarrative narrative;

  InsightController(InsightManagement insights, FindingNarrative narrative) {
    this.insights = insights;
    this.narrative = narrative;
  }

  @GetMapping("/api/v1/workspaces/{workspaceId}/insights")
  @Operation(
      summary = "The workspace's insights, newest first",
      description =
          "Raised by the rules when the pipeline changes and hourly, each cause once. Filters:"
              + " `type`, `priority` (critical, high, medium, low), `status` (new, viewed,"
              + " actioned, dismissed). Paging: `limit` (1-100, default 50) and `offset`.")
  InsightListResponse list(
      Tenant caller,
      @PathVariable UUID workspaceId,
      @RequestParam(required = false) @Nullable String type,
      @RequestParam(required = false) @Nullable String priority,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(defaultValue = DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit,
      @RequestParam(defaultValue = "0") @Min(0) int offset) {
    if (!caller.belongsTo(workspaceId)) {
      throw ApiException.notFound("Workspace");
    }
    if (priority != null && !PRIORITIES.contains(priority)) {
      throw ApiException.invalid(
          "priority", "invalid", "priority must be one of " + String.join(", ", PRIORITIES));
    }
    Status only = status == null ? null : status(status, "status");
    InsightPage page = insights.list(workspaceId, type, priority, only, limit, offset);
    return new InsightListResponse(
        page.insights().stream().map(InsightResponse::of).toList(), page.total(), limit, offset);
  }

  @PatchMapping("/api/v1/insights/{id}")
  @Operation(
      summary = "Set an insight's status",
      description = "{status: viewed | actioned | dismissed}; an unknown id answers 404.")
  InsightResponse update(Tenant caller, @PathVariable UUID id, @RequestBody StatusRequest request) {
    if (request.status() == null) {
      throw ApiException.invalid("status", "blank", "status is required");
    }
    Status status = status(request.status(), "status");
    if (status == Status.NEW) {
      throw ApiException.invalid(
          "status", "invalid", "status must be one of viewed, actioned, dismissed");
    }
    return InsightResponse.of(insights.changeStatus(caller.orgIds(), id, status));
  }

  private static Status status(String value, String field) {
    return Status.fromId(value)
        .orElseThrow(
            () ->
                ApiException.invalid(
                    field, "invalid", field + " must be one of new, viewed, actioned, dismissed"));
  }

  static final List<String> PRIORITIES = List.of("critical", "high", "medium", "low");

  @PostMapping("/api/v1/insights")
  @Operation(
      summary = "Generate insights from business data",
      description =
          "data_type `deals`: data {total_deals, won_deals, lost_deals, in_progress,"
              + " average_deal_value, conversion_rate}. Answers insights[] and recommendations[]"
              + " {type, title, description, priority, confidence}; the rules and their"
              + " benchmarks are in insights-service's README.")
  GenerateResponse generate(Tenant caller, @RequestBody GenerateRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    if (request.workspaceId() == null) {
      violations.add(new FieldViolation("workspace_id", "blank", "workspace_id is required"));
    }
    if (request.dataType() == null || !DATA_TYPES.contains(request.dataType())) {
      violations.add(
          new FieldViolation(
              "data_type", "invalid", "data_type must be one of " + String.join(", ", DATA_TYPES)));
    }
    if (request.data() == null || !request.data().isObject()) {
      violations.add(new FieldViolation("data", "invalid", "data must be an object of figures"));
    }
    if (!violations.isEmpty()) {
      throw new ApiException(ApiError.validation(violations));
    }
    if (!caller.belongsTo(request.workspaceId())) {
      throw ApiException.notFound("Workspace");
    }
    Outcome outcome = narrative.narrate(PipelineRules.deals(dealFigures(request.data())));
    return new GenerateResponse(
        outcome.insights().stream().map(FindingResponse::of).toList(),
        outcome.recommendations().stream().map(FindingResponse::of).toList());
  }

  /** The figures of data type {@code deals}, each checked. */
  static DealFigures dealFigures(JsonNode data) {
    List<FieldViolation> violations = new ArrayList<>();
    Long total = count(data, "total_deals", true, violations);
    Long won = count(data, "won_deals", true, violations);
    Long lost = count(data, "lost_deals", false, violations);
    Long inProgress = count(data, "in_progress", false, violations);
    Double average = number(data, "average_deal_value", 0, Double.MAX_VALUE, violations);
    Double conversion = number(data, "conversion_rate", 0, 1, violations);
    if (violations.isEmpty()) {
      long closed = won + (lost == null ? 0 : lost);
      long open = inProgress == null ? Math.max(0, total - closed) : inProgress;
      if (closed + open > total) {
        violations.add(
            new FieldViolation(
                "data.total_deals",
                "invalid",
                "total_deals must be at least won_deals + lost_deals + in_progress"));
      } else {
        return new DealFigures(total, won, lost == null ? 0 : lost, open, average, conversion);
      }
    }
    throw new ApiException(ApiError.validation(violations));
  }

  private static @Nullable Long count(
      JsonNode data, String field, boolean required, List<FieldViolation> violations) {
    JsonNode value = data.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        violations.add(new FieldViolation("data." + field, "blank", field + " is required"));
      }
      return null;
    }
    if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0) {
      violations.add(
          new FieldViolation("data." + field, "invalid", field + " must be a whole number >= 0"));
      return null;
    }
    return value.asLong();
  }

  private static @Nullable Double number(
      JsonNode data, String field, double min, double max, List<FieldViolation> violations) {
    JsonNode value = data.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
      violations.add(
          new FieldViolation(
              "data." + field,
              "invalid",
              max == 1
                  ? field + " must be a number from 0 to 1"
                  : field + " must be a number >= 0"));
      return null;
    }
    return value.asDouble();
  }

  /** The PATCH body. */
  record StatusRequest(@Nullable String status) {}

  /**
   * A page of insights.
   *
   * @param total how many match the filters
   */
  @Schema(name = "InsightList")
  record InsightListResponse(List<InsightResponse> insights, long total, int limit, int offset) {}

  /**
   * An insight as VectorOS shows it.
   *
   * @param workspaceId the workspace
   * @param subjects the records it is about ({type, id})
   */
  @Schema(name = "Insight")
  record InsightResponse(
      UUID id,
      UUID workspaceId,
      String type,
      String title,
      String description,
      String priority,
      double confidence,
      String status,
      List<Subject> subjects,
      Instant createdAt,
      Instant updatedAt) {

    static InsightResponse of(Insight insight) {
      return new InsightResponse(
          insight.id(),
          insight.orgId(),
          insight.type(),
          insight.title(),
          insight.description(),
          insight.priority(),
          insight.confidence(),
          insight.status().id(),
          insight.subjects(),
          insight.createdAt(),
          insight.updatedAt());
    }
  }

  /** The request; snake_case as the seed shows it, camelCase accepted too. */
  record GenerateRequest(
      @JsonProperty("workspace_id") @JsonAlias("workspaceId") @Nullable UUID workspaceId,
      @JsonProperty("data_type") @JsonAlias("dataType") @Nullable String dataType,
      @Nullable JsonNode data) {}

  /** Insights about the figures and what to do about them. */
  record GenerateResponse(List<FindingResponse> insights, List<FindingResponse> recommendations) {}

  /**
   * One insight or recommendation.
   *
   * @param type the rule that found it
   * @param priority critical, high, medium or low
   * @param confidence 0-1
   */
  record FindingResponse(
      String type, String title, String description, String priority, double confidence) {

    static FindingResponse of(Finding finding) {
      return new FindingResponse(
          finding.type(),
          finding.title(),
          finding.description(),
          finding.priority().id(),
          finding.confidence());
    }
  }
}
