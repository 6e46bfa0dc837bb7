package io.dealflow.insights.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A workspace's pipeline now: per stage the deals, their value and their value weighted by the
 * stage's probability. Values are summed as crm holds them, whatever their currency.
 *
 * @param workspaceId the workspace
 * @param generatedAt when
 * @param stages every stage in pipeline order, empty ones included
 * @param open the open stages together (lead to negotiation)
 * @param totals every stage together, won and lost included
 */
public record PipelineSummary(
    UUID workspaceId, Instant generatedAt, List<StageLine> stages, Totals open, Totals totals) {

  /**
   * One stage.
   *
   * @param probability the stage's win probability, 0-1
   * @param weightedValue value × probability
   */
  public record StageLine(
      String stage, long count, BigDecimal value, double probability, BigDecimal weightedValue) {}

  /** Deals, their value and their weighted value. */
  public record Totals(long count, BigDecimal value, BigDecimal weightedValue) {}
}
