package io.dealflow.insights.analytics;

import io.dealflow.insights.analytics.Forecast.Horizon;
import io.dealflow.insights.analytics.Forecast.StageBasis;
import io.dealflow.insights.pipeline.PipelineFigures.OpenDeals;
import io.dealflow.insights.pipeline.PipelineFigures.StageHistory;
import io.dealflow.insights.pipeline.Stage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The forecast's arithmetic, apart from where the figures come from.
 *
 * <ul>
 *   <li><b>Win rate per stage</b>: of the workspace's closed deals that were once in the stage, the
 *       share that was won; while fewer than {@value #MIN_CLOSED} have closed, the stage's default
 *       probability (lead 0.10, qualified 0.25, proposal 0.50, negotiation 0.75).
 *   <li><b>Days to win per stage</b>: the mean days from entering the stage to being won over the
 *       deals won from it; while fewer than {@value #MIN_WON} were won, a default (lead 90,
 *       qualified 60, proposal 30, negotiation 14).
 *   <li><b>In a horizon</b>: an open deal is expected to close by the day it entered its stage plus
 *       that stage's days to win (or now, when that day is past); it counts in a horizon when that
 *       day falls before the horizon's end.
 *   <li><b>Expected value</b>: the sum over those deals of value × win rate. <b>Range</b>: each
 *       deal won or lost independently with its win rate, so the sum's standard deviation is √(Σ
 *       value² × p × (1 − p)); low and high are 1.2816 standard deviations below and above (an 80 %
 *       interval under the normal approximation), low never below 0.
 * </ul>
 */
final class Forecasting {

  static final int MIN_CLOSED = 5;
  static final int MIN_WON = 3;
  static final double Z_80 = 1.2816;

  static final String METHOD =
      "weighted pipeline: each open deal's value times the workspace's historical win rate from its"
          + " stage (won / closed among the deals once in that stage; the stage's default"
          + " probability until "
          + MIN_CLOSED
          + " of them have closed), counted in a horizon when the deal is expected to close in it"
          + " (the day it entered its stage plus the stage's mean days to win, historical once "
          + MIN_WON
          + " deals were won from it, else 90/60/30/14 days for lead/qualified/proposal/negotiation);"
          + " range: 80% interval, expected +/- 1.2816 standard deviations of independent win/loss"
          + " outcomes";

  private static final Map<Stage, Integer> DEFAULT_DAYS_TO_WIN =
      Map.of(Stage.LEAD, 90, Stage.QUALIFIED, 60, Stage.PROPOSAL, 30, Stage.NEGOTIATION, 14);

  private Forecasting() {}

  /** What the forecast assumes for a stage, from its history. */
  static StageBasis basis(Stage stage, @Nullable StageHistory history) {
    long closed = history == null ? 0 : history.closed();
    long won = history == null ? 0 : history.won();
    boolean learned = closed >= MIN_CLOSED;
    double winRate = learned ? (double) won / closed : stage.probability();
    boolean timed = history != null && won >= MIN_WON && history.daysToWin() != null;
    double days = timed ? history.daysToWin() : DEFAULT_DAYS_TO_WIN.get(stage);
    return new StageBasis(
        stage.id(),
        round(winRate, 4),
        learned ? StageBasis.HISTORY : StageBasis.STAGE_DEFAULT,
        closed,
        round(days, 1),
        timed ? StageBasis.HISTORY : StageBasis.STAGE_DEFAULT);
  }

  /**
   * The latest time a deal may have entered each open stage and still be expected to close before
   * {@code end}.
   */
  static Map<Stage, Instant> cutoffs(Instant end, Map<Stage, StageBasis> basis) {
    Map<Stage, Instant> cutoffs = new EnumMap<>(Stage.class);
    for (Stage stage : Stage.OPEN) {
      long seconds = Math.round(basis.get(stage).daysToWin() * 86_400);
      cutoffs.put(stage, end.minus(Duration.ofSeconds(seconds)));
    }
    return cutoffs;
  }

  /** The expected value of the deals expected to close in {@code [from, to)}, with its range. */
  static Horizon horizon(
      Instant from, Instant to, Map<Stage, StageBasis> basis, Map<Stage, OpenDeals> open) {
    double expected = 0;
    double variance = 0;
    long deals = 0;
    for (Stage stage : Stage.OPEN) {
      OpenDeals inStage = open.get(stage);
      if (inStage == null) {
        continue;
      }
      double p = basis.get(stage).winRate();
      expected += p * inStage.value().doubleValue();
      variance += p * (1 - p) * inStage.squares().doubleValue();
      deals += inStage.deals();
    }
    double spread = Z_80 * Math.sqrt(variance);
    return new Horizon(
        from,
        to,
        money(expected),
        money(Math.max(0, expected - spread)),
        money(expected + spread),
        deals);
  }

  static BigDecimal money(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }

  static double round(double value, int places) {
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
  }
}
