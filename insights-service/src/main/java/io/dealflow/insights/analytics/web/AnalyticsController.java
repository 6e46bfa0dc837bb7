package io.dealflow.insights.analytics.web;

import io.dealflow.insights.analytics.Conversion;
import io.dealflow.insights.analytics.Forecast;
import io.dealflow.insights.analytics.PipelineAnalytics;
import io.dealflow.insights.analytics.PipelineSummary;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * VectorOS analytics of a workspace's pipeline. Any member of the workspace reads them; another
 * workspace answers 404.
 */
@RestController
@Tag(name = "Analytics (VectorOS)")
@SecurityRequirement(name = "bearer")
class AnalyticsController {

  static final Duration DEFAULT_PERIOD = Duration.ofDays(90);
  static final Duration LONGEST_PERIOD = Duration.ofDays(3 * 366);

  private final PipelineAnalytics analytics;
  private final Clock clock;

  AnalyticsController(PipelineAnalytics analytics, Clock clock) {
    this.analytics = analytics;
    this.clock = clock;
  }

  @GetMapping("/api/v1/workspaces/{workspaceId}/analytics/pipeline")
  @Operation(
      summary = "Pipeline metrics",
      description =
          "Per stage (lead, qualified, proposal, negotiation, won, lost): the deals, their total"
              + " value and their value weighted by the stage's probability; the open stages"
              + " together and all stages together.")
  PipelineSummary pipeline(Tenant caller, @PathVariable UUID workspaceId) {
    requireMember(caller, workspaceId);
    return analytics.pipeline(workspaceId);
  }

  @GetMapping("/api/v1/workspaces/{workspaceId}/analytics/conversion")
  @Operation(
      summary = "Conversion funnel",
      description =
          "For the period [from, to) (ISO dates or instants; default the last 90 days, at most"
              + " three years): of the deals created in it, how many reached each stage and the"
              + " share that went on; the deals won and lost in it, the win rate and the mean days"
              + " from creation to won.")
  Conversion conversion(
      Tenant caller,
      @PathVariable UUID workspaceId,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to) {
    requireMember(caller, workspaceId);
    Instant end = to == null ? clock.instant() : instant("to", to);
    Instant start = from == null ? end.minus(DEFAULT_PERIOD) : instant("from", from);
    if (!start.isBefore(end)) {
      throw ApiException.invalid("from", "INVALID_PERIOD", "from must be before to");
    }
    if (Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
      throw ApiException.invalid("from", "INVALID_PERIOD", "A period is at most three years long");
    }
    return analytics.conversion(workspaceId, start, end);
  }

  @GetMapping("/api/v1/workspaces/{workspaceId}/analytics/forecast")
  @Operation(
      summary = "Revenue forecast",
      description =
          "The value expected to close in the next 30 and 90 days, with an 80% range, from the"
              + " open pipeline and the workspace's own win rates per stage; `method` says how.")
  Forecast forecast(Tenant caller, @PathVariable UUID workspaceId) {
    requireMember(caller, workspaceId);
    return analytics.forecast(workspaceId);
  }

  private static void requireMember(Tenant caller, UUID workspaceId) {
    if (!caller.belongsTo(workspaceId)) {
      throw ApiException.notFound("Workspace");
    }
  }

  /** {@code 2026-03-01} (midnight UTC) or {@code 2026-03-01T12:00:00Z}. */
  static Instant instant(String field, String value) {
    try {
      return value.length() == 10
          ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(
          field,
          "INVALID_DATE",
          field + " must be a date (2026-03-01) or an instant (2026-03-01T12:00:00Z)");
    }
  }
}
