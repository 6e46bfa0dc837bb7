package io.dealflow.insights.analytics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A workspace's conversion over a period.
 *
 * @param workspaceId the workspace
 * @param from the period's start (inclusive)
 * @param to its end (exclusive)
 * @param funnel the deals created in the period, per stage of the funnel: how many reached it (it
 *     or a later stage) and the share of those that went on to the next
 * @param won deals won in the period
 * @param lost deals lost in the period
 * @param winRate won / (won + lost), null when none closed
 * @param averageCycleDays mean days from creation to won over the deals won in the period, null
 *     when none was
 */
public record Conversion(
    UUID workspaceId,
    Instant from,
    Instant to,
    List<FunnelStep> funnel,
    long won,
    long lost,
    @Nullable Double winRate,
    @Nullable Double averageCycleDays) {

  /**
   * One stage of the funnel.
   *
   * @param reached deals created in the period that reached this stage or a later one
   * @param conversionToNext the share of those that reached the next stage; null for the last
   *     stage, or when none reached this one
   */
  public record FunnelStep(String stage, long reached, @Nullable Double conversionToNext) {}
}
