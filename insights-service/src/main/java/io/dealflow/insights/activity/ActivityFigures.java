package io.dealflow.insights.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** What the insight rules read of a workspace's sales activity. */
@Service
public class ActivityFigures {

  /** A qualified lead nobody has followed up since. */
  public record WaitingLead(UUID leadId, Instant qualifiedAt) {}

  /** A user's completed training over a period. */
  public record Practice(UUID userId, long sessions, long minutes) {}

  /** An integration whose latest sync failed. */
  public record FailingIntegration(
      UUID integrationId, String provider, String reason, Instant at) {}

  /** Support escalations in two consecutive periods. */
  public record Escalations(long before, long recent) {}

  private final SalesActivity activity;

  ActivityFigures(SalesActivity activity) {
    this.activity = activity;
  }

  public List<WaitingLead> waitingLeads(UUID orgId, Instant qualifiedBefore, int limit) {
    return activity.waiting(orgId, qualifiedBefore, limit);
  }

  public List<Practice> practice(UUID orgId, Instant since) {
    return activity.practice(orgId, since);
  }

  public List<FailingIntegration> failingIntegrations(UUID orgId) {
    return activity.failing(orgId);
  }

  public Escalations escalations(UUID orgId, Instant from, Instant middle, Instant to) {
    return activity.escalations(orgId, from, middle, to);
  }
}
