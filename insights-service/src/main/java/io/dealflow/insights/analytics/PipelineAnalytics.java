package io.dealflow.insights.analytics;

import io.dealflow.insights.analytics.Conversion.FunnelStep;
import io.dealflow.insights.analytics.Forecast.StageBasis;
import io.dealflow.insights.analytics.PipelineSummary.StageLine;
import io.dealflow.insights.analytics.PipelineSummary.Totals;
import io.dealflow.insights.pipeline.PipelineFigures;
import io.dealflow.insights.pipeline.PipelineFigures.Closed;
import io.dealflow.insights.pipeline.PipelineFigures.StageHistory;
import io.dealflow.insights.pipeline.PipelineFigures.StageTotal;
import io.dealflow.insights.pipeline.Stage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Pipeline, conversion and forecast of a workspace, computed from the read model. */
@Service
public class PipelineAnalytics {

  static final Duration MONTH = Duration.ofDays(30);
  static final Duration QUARTER = Duration.ofDays(90);

  private final PipelineFigures figures;
  private final Clock clock;

  PipelineAnalytics(PipelineFigures figures, Clock clock) {
    this.figures = figures;
    this.clock = clock;
  }

  public PipelineSummary pipeline(UUID workspaceId) {
    Map<Stage, StageTotal> byStage = new EnumMap<>(Stage.class);
    for (StageTotal total : figures.stageTotals(workspaceId)) {
      byStage.put(total.stage(), total);
    }
    List<StageLine> lines = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      StageTotal total = byStage.getOrDefault(stage, new StageTotal(stage, 0, BigDecimal.ZERO));
      lines.add(
          new StageLine(
              stage.id(),
              total.deals(),
              money(total.value()),
              stage.probability(),
              money(total.value().multiply(BigDecimal.valueOf(stage.probability())))));
    }
    return new PipelineSummary(
        workspaceId,
        clock.instant(),
        lines,
        sum(lines.stream().filter(line -> isOpen(line.stage())).toList()),
        sum(lines));
  }

  public Conversion conversion(UUID workspaceId, Instant from, Instant to) {
    Map<Stage, Long> furthest = figures.furthestStages(workspaceId, from, to);
    List<Long> reached = new ArrayList<>();
    long atOrBeyond = 0;
    for (Stage stage : Stage.FUNNEL.reversed()) {
      atOrBeyond += furthest.getOrDefault(stage, 0L);
      reached.addFirst(atOrBeyond);
    }
    List<FunnelStep> funnel = new ArrayList<>();
    for (int i = 0; i < Stage.FUNNEL.size(); i++) {
      long here = reached.get(i);
      Double next =
          i + 1 < Stage.FUNNEL.size() && here > 0
              ? Forecasting.round((double) reached.get(i + 1) / here, 4)
              : null;
      funnel.add(new FunnelStep(Stage.FUNNEL.get(i).id(), here, next));
    }
    Closed closed = figures.closed(workspaceId, from, to);
    long decided = closed.won() + closed.lost();
    return new Conversion(
        workspaceId,
        from,
        to,
        funnel,
        closed.won(),
        closed.lost(),
        decided == 0 ? null : Forecasting.round((double) closed.won() / decided, 4),
        closed.cycleDays() == null ? null : Forecasting.round(closed.cycleDays(), 1));
  }

  public Forecast forecast(UUID workspaceId) {
    Instant now = clock.instant();
    Map<Stage, StageHistory> histories = figures.histories(workspaceId);
    Map<Stage, StageBasis> basis = new EnumMap<>(Stage.class);
    for (Stage stage : Stage.OPEN) {
      basis.put(stage, Forecasting.basis(stage, histories.get(stage)));
    }
    Instant monthEnd = now.plus(MONTH);
    Instant quarterEnd = now.plus(QUARTER);
    return new Forecast(
        workspaceId,
        Forecasting.METHOD,
        now,
        Forecasting.horizon(
            now,
            monthEnd,
            basis,
            figures.openEnteredBy(workspaceId, Forecasting.cutoffs(monthEnd, basis))),
        Forecasting.horizon(
            now,
            quarterEnd,
            basis,
            figures.openEnteredBy(workspaceId, Forecasting.cutoffs(quarterEnd, basis))),
        List.copyOf(basis.values()));
  }

  private static boolean isOpen(String stage) {
    return Stage.fromId(stage).map(s -> !s.isClosed()).orElse(false);
  }

  private static Totals sum(List<StageLine> lines) {
    return new Totals(
        lines.stream().mapToLong(StageLine::count).sum(),
        lines.stream().map(StageLine::value).reduce(BigDecimal.ZERO, BigDecimal::add),
        lines.stream().map(StageLine::weightedValue).reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  private static BigDecimal money(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }
}
