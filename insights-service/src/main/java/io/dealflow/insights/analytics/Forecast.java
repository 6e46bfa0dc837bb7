package io.dealflow.insights.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A workspace's revenue forecast: the value expected to close in the next month and quarter, with a
 * range, and what it assumed per stage.
 *
 * @param workspaceId the workspace
 * @param method how it was computed, in words
 * @param generatedAt when
 * @param nextMonth the next 30 days
 * @param nextQuarter the next 90 days
 * @param stages the win rate and days to win assumed per open stage, and where each came from
 */
public record Forecast(
    UUID workspaceId,
    String method,
    Instant generatedAt,
    Horizon nextMonth,
    Horizon nextQuarter,
    List<StageBasis> stages) {

  /**
   * The deals expected to close in {@code [from, to)}.
   *
   * @param expected the sum of their values times their win rates
   * @param low the 80 % interval's lower end
   * @param high its upper end
   * @param deals how many open deals are expected to close in it
   */
  public record Horizon(
      Instant from, Instant to, BigDecimal expected, BigDecimal low, BigDecimal high, long deals) {}

  /**
   * What the forecast assumes for an open stage.
   *
   * @param stage the stage
   * @param winRate the share of deals from it that are won, 0-1
   * @param winRateSource {@code history} or {@code stage_default}
   * @param closedDeals the workspace's closed deals that were once in it
   * @param daysToWin mean days from entering it to being won
   * @param daysToWinSource {@code history} or {@code stage_default}
   */
  public record StageBasis(
      String stage,
      double winRate,
      String winRateSource,
      long closedDeals,
      double daysToWin,
      String daysToWinSource) {

    static final String HISTORY = "history";
    static final String STAGE_DEFAULT = "stage_default";
  }
}
