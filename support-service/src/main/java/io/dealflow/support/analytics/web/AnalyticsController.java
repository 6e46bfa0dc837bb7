package io.dealflow.support.analytics.web;

import io.dealflow.platform.security.Tenant;
import io.dealflow.support.analytics.AgentPerformance;
import io.dealflow.support.analytics.ConversationStats;
import io.dealflow.support.analytics.Dashboard;
import io.dealflow.support.analytics.Period;
import io.dealflow.support.analytics.SupportAnalytics;
import io.dealflow.support.web.ListQuery;
import io.dealflow.support.web.Periods;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * HeliosCS analytics for the organization's staff, over the sessions opened in {@code
 * filter[created_at]} ({@code from..to}; default the last 30 days).
 */
@RestController
@RequestMapping("/api/v1/support/analytics")
@Tag(name = "Analytics (HeliosCS)")
@SecurityRequirement(name = "bearer")
class AnalyticsController {

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record DashboardBody(
      double deflectionRate,
      double averageResponseTime,
      Double customerSatisfaction,
      long totalConversations,
      double escalationRate,
      List<Dashboard.IntentCount> topIntents,
      Instant from,
      Instant to) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record PerformanceBody(List<AgentPerformance> agents, Instant from, Instant to) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ConversationsBody(ConversationStats conversations, Instant from, Instant to) {}

  private final SupportAnalytics analytics;
  private final Clock clock;

  AnalyticsController(SupportAnalytics analytics, Clock clock) {
    this.analytics = analytics;
    this.clock = clock;
  }

  @GetMapping("/dashboard")
  @Operation(
      summary = "Deflection, response time, satisfaction, volume, escalation, top intents",
      description =
          "Rates 0-1; `average_response_time` in seconds; `customer_satisfaction` the mean rating"
              + " (null without one). Staff only.")
  DashboardBody dashboard(Tenant caller, @RequestParam Map<String, String> parameters) {
    Period period = period(parameters);
    Dashboard dashboard = analytics.dashboard(caller, period);
    return new DashboardBody(
        dashboard.deflectionRate(),
        dashboard.averageResponseTime(),
        dashboard.customerSatisfaction(),
        dashboard.totalConversations(),
        dashboard.escalationRate(),
        dashboard.topIntents(),
        period.from(),
        period.to());
  }

  @GetMapping("/conversations")
  @Operation(summary = "Conversations by day, channel and status; messages by type. Staff only.")
  ConversationsBody conversations(Tenant caller, @RequestParam Map<String, String> parameters) {
    Period period = period(parameters);
    return new ConversationsBody(
        analytics.conversations(caller, period), period.from(), period.to());
  }

  @GetMapping("/performance")
  @Operation(
      summary = "Each member of the support team: sessions, messages, first response, tickets",
      description = "Staff only.")
  PerformanceBody performance(Tenant caller, @RequestParam Map<String, String> parameters) {
    Period period = period(parameters);
    return new PerformanceBody(analytics.performance(caller, period), period.from(), period.to());
  }

  private Period period(Map<String, String> parameters) {
    Instant[] ends = Periods.of(new ListQuery(parameters), clock);
    return new Period(ends[0], ends[1]);
  }
}
