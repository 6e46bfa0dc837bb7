package io.dealflow.insights.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.insights.analytics.Forecast.Horizon;
import io.dealflow.insights.analytics.Forecast.StageBasis;
import io.dealflow.insights.pipeline.PipelineFigures.OpenDeals;
import io.dealflow.insights.pipeline.PipelineFigures.StageHistory;
import io.dealflow.insights.pipeline.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The forecast's arithmetic against figures worked out by hand. */
class ForecastingTest {

  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final Instant MONTH_END = Instant.parse("2026-07-01T00:00:00Z");

  @Test
  void aStageWithoutFiveClosedDealsUsesItsDefaultProbabilityAndDays() {
    StageBasis basis = Forecasting.basis(Stage.PROPOSAL, new StageHistory(1, 2, 10.0));
    assertThat(basis.winRate()).isEqualTo(0.5);
    assertThat(basis.winRateSource()).isEqualTo("stage_default");
    assertThat(basis.closedDeals()).isEqualTo(3);
    assertThat(basis.daysToWin()).isEqualTo(30.0);
    assertThat(basis.daysToWinSource()).isEqualTo("stage_default");
    assertThat(Forecasting.basis(Stage.LEAD, null).winRate()).isEqualTo(0.1);
  }

  @Test
  void aStageWithHistoryUsesItsOwnWinRateAndDays() {
    // 3 won and 2 lost of the deals once in negotiation: 3 / 5 = 0.6; won after 20 days on average.
    StageBasis basis = Forecasting.basis(Stage.NEGOTIATION, new StageHistory(3, 2, 20.0));
    assertThat(basis.winRate()).isEqualTo(0.6);
    assertThat(basis.winRateSource()).isEqualTo("history");
    assertThat(basis.daysToWin()).isEqualTo(20.0);
    assertThat(basis.daysToWinSource()).isEqualTo("history");
  }

  @Test
  void aDealCountsInAHorizonWhenItEnteredItsStageAtLeastTheStagesDaysToWinBeforeItsEnd() {
    Map<Stage, Instant> cutoffs = Forecasting.cutoffs(MONTH_END, defaults());
    assertThat(cutoffs)
        .containsEntry(Stage.LEAD, Instant.parse("2026-04-02T00:00:00Z"))
        .containsEntry(Stage.QUALIFIED, Instant.parse("2026-05-02T00:00:00Z"))
        .containsEntry(Stage.PROPOSAL, Instant.parse("2026-06-01T00:00:00Z"))
        .containsEntry(Stage.NEGOTIATION, Instant.parse("2026-06-17T00:00:00Z"));
  }

  @Test
  void expectedValueIsTheProbabilityWeightedSumAndTheRangeItsEightyPercentInterval() {
    Map<Stage, OpenDeals> open = new EnumMap<>(Stage.class);
    // Proposal: 10,000 and 20,000 at 0.5; negotiation: 8,000 at 0.75.
    open.put(Stage.PROPOSAL, new OpenDeals(2, money(30_000), money(500_000_000)));
    open.put(Stage.NEGOTIATION, new OpenDeals(1, money(8_000), money(64_000_000)));
    Horizon horizon = Forecasting.horizon(NOW, MONTH_END, defaults(), open);
    // expected = 0.5 × 30,000 + 0.75 × 8,000 = 21,000
    // variance = 0.5 × 0.5 × 500,000,000 + 0.75 × 0.25 × 64,000,000 = 137,000,000
    // spread = 1.2816 × √137,000,000 = 15,000.74
    assertThat(horizon.expected()).isEqualByComparingTo("21000.00");
    assertThat(horizon.low()).isEqualByComparingTo("5999.26");
    assertThat(horizon.high()).isEqualByComparingTo("36000.74");
    assertThat(horizon.deals()).isEqualTo(3);
  }

  @Test
  void theLowEndNeverGoesBelowZero() {
    Map<Stage, OpenDeals> open =
        Map.of(Stage.LEAD, new OpenDeals(1, money(1_000), money(1_000_000)));
    Horizon horizon = Forecasting.horizon(NOW, MONTH_END, defaults(), open);
    // 0.1 × 1,000 = 100; spread 1.2816 × √(0.09 × 1,000,000) = 384.48
    assertThat(horizon.expected()).isEqualByComparingTo("100.00");
    assertThat(horizon.low()).isEqualByComparingTo("0.00");
    assertThat(horizon.high()).isEqualByComparingTo("484.48");
  }

  @Test
  void anEmptyPipelineForecastsNothing() {
    Horizon horizon = Forecasting.horizon(NOW, MONTH_END, defaults(), Map.of());
    assertThat(horizon.expected()).isEqualByComparingTo("0");
    assertThat(horizon.high()).isEqualByComparingTo("0");
    assertThat(horizon.deals()).isZero();
  }

  private static Map<Stage, StageBasis> defaults() {
    Map<Stage, StageBasis> basis = new EnumMap<>(Stage.class);
    for (Stage stage : Stage.OPEN) {
      basis.put(stage, Forecasting.basis(stage, null));
    }
    return basis;
  }

  private static BigDecimal money(long value) {
    return BigDecimal.valueOf(value);
  }
}
