package io.dealflow.insights.insight;

import io.dealflow.insights.insight.Insight.Status;
import io.dealflow.platform.error.ApiException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A workspace's insights as people read and handle them. */
@Service
public class InsightManagement {

  /** A page of insights and how many match in all. */
  public record InsightPage(List<Insight> insights, long total) {}

  private final Insights insights;
  private final Clock clock;

  InsightManagement(Insights insights, Clock clock) {
    this.insights = insights;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public InsightPage list(
      UUID orgId,
      @Nullable String type,
      @Nullable String priority,
      @Nullable Status status,
      int limit,
      int offset) {
    return new InsightPage(
        insights.list(orgId, type, priority, status, limit, offset),
        insights.count(orgId, type, priority, status));
  }

  /** Sets the status of an insight of one of the caller's workspaces; 404 otherwise. */
  @Transactional
  public Insight changeStatus(Collection<UUID> orgIds, UUID id, Status status) {
    Insight insight = insights.find(orgIds, id).orElseThrow(() -> ApiException.notFound("Insight"));
    return insights.changeStatus(insight.orgId(), id, status, clock.instant());
  }
}
