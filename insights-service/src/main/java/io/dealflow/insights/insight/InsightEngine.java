package io.dealflow.insights.insight;

import io.dealflow.insights.analytics.Conversion;
import io.dealflow.insights.analytics.PipelineAnalytics;
import io.dealflow.insights.events.InsightRaised;
import io.dealflow.insights.events.InsightsEvents;
import io.dealflow.insights.insight.Insight.Subject;
import io.dealflow.insights.pipeline.PipelineFigures;
import io.dealflow.insights.pipeline.PipelineFigures.DealCounts;
import io.dealflow.insights.pipeline.PipelineFigures.Stalled;
import io.dealflow.insights.pipeline.PipelineFigures.StalledDeal;
import io.dealflow.insights.rules.DealFigures;
import io.dealflow.insights.rules.Finding;
import io.dealflow.insights.rules.Finding.Priority;
import io.dealflow.insights.rules.PipelineRules;
import io.dealflow.platform.events.Outbox;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the rules over a workspace's read model and raises the insights they find, each cause once,
 * publishing {@code insight.generated} for each (and {@code insight.critical} for a critical one)
 * in the same transaction.
 *
 * <ul>
 *   <li>{@code deal_stalled}: an open deal without a stage change for {@code
 *       dealflow.insights.stalled-after} (14 days) (the {@value #STALLED_LIMIT} most valuable);
 *       {@code critical} when it holds at least half of the open pipeline's value, {@code high} at
 *       least a fifth, else {@code medium}; confidence 0.9. Cause: the deal and the time it entered
 *       its stage (moving on and stalling again is a new cause).
 *   <li>{@link PipelineRules} over the deals created in the last 90 days, once at least {@value
 *       PipelineRules#MIN_DEALS} were: conversion below benchmark, win rate below benchmark,
 *       pipeline congested (not the healthy-conversion note). Cause: the rule and the calendar
 *       quarter.
 *   <li>{@code win_rate_falling}: the win rate of the last 90 days at least 10 points under the 90
 *       days before, each over at least {@value PipelineRules#MIN_DECIDED} closed deals; {@code
 *       high} from 20 points. Cause: the quarter.
 *   <li>{@code pipeline_concentration}: at least {@value #CONCENTRATION_MIN_DEALS} open deals and
 *       the three largest hold half of the open value or more; {@code medium}, confidence 0.8.
 *       Cause: the quarter.
 *   <li>The rules over leads, training, integrations and support escalations: {@link
 *       ActivityRules}.
 * </ul>
 */
@Service
public class InsightEngine {

  static final int STALLED_LIMIT = 20;
  static final int CONCENTRATION_MIN_DEALS = 5;
  static final Duration WINDOW = Duration.ofDays(90);

  private static final Logger log = LoggerFactory.getLogger(InsightEngine.class);

  private final PipelineFigures figures;
  private final PipelineAnalytics analytics;
  private final Insights insights;
  private final Outbox outbox;
  private final Clock clock;
  private final ActivityRules activityRules;
  private final Duration stalledAfter;

  InsightEngine(
      PipelineFigures figures,
      PipelineAnalytics analytics,
      Insights insights,
      Outbox outbox,
      Clock clock,
      ActivityRules activityRules,
      @Value("${dealflow.insights.stalled-after:14d}") Duration stalledAfter) {
    this.stalledAfter = stalledAfter;
    this.figures = figures;
    this.analytics = analytics;
    this.insights = insights;
    this.outbox = outbox;
    this.clock = clock;
    this.activityRules = activityRules;
  }

  /** Evaluates the workspace now; the insights raised (none for a cause raised before). */
  @Transactional
  public List<Insight> evaluate(UUID orgId) {
    Instant now = clock.instant();
    List<Insight> raised = new ArrayList<>();
    for (Candidate candidate : candidates(orgId, now)) {
      insights.raise(orgId, candidate, now).ifPresent(raised::add);
    }
    for (Insight insight : raised) {
      InsightRaised event = event(insight);
      outbox.append(InsightsEvents.INSIGHT_GENERATED, insight.id(), orgId, event);
      if (insight.priority().equals(Priority.CRITICAL.id())) {
        outbox.append(InsightsEvents.INSIGHT_CRITICAL, insight.id(), orgId, event);
      }
    }
    insights.evaluated(orgId, now);
    if (!raised.isEmpty()) {
      log.info(
          "Insights: {} raised for workspace {} ({})",
          raised.size(),
          orgId,
          raised.stream().map(Insight::type).toList());
    }
    return raised;
  }

  /** The workspaces to evaluate again: their read model changed since. */
  public List<UUID> changed(int limit) {
    return insights.changedSinceEvaluated(limit);
  }

  public List<UUID> workspaces() {
    return figures.workspaces();
  }

  List<Candidate> candidates(UUID orgId, Instant now) {
    List<Candidate> candidates = new ArrayList<>();
    String quarter = quarter(now);
    Stalled open = figures.open(orgId, 3);
    Stalled stalled = figures.stalled(orgId, now.minus(stalledAfter), STALLED_LIMIT);
    for (StalledDeal deal : stalled.top()) {
      Priority priority = Priority.MEDIUM;
      if (open.value().signum() > 0) {
        if (deal.value().multiply(BigDecimal.valueOf(2)).compareTo(open.value()) >= 0) {
          priority = Priority.CRITICAL;
        } else if (deal.value().multiply(BigDecimal.valueOf(5)).compareTo(open.value()) >= 0) {
          priority = Priority.HIGH;
        }
      }
      candidates.add(
          new Candidate(
              "deal_stalled:%s:%d".formatted(deal.dealId(), deal.since().toEpochMilli()),
              new Finding(
                  "deal_stalled",
                  "Deal Stalled in " + capitalized(deal.stage().id()),
                  "%s (%s) has had no stage change for %s, since %s; deals that sit in a stage longer than %s close less often."
                      .formatted(
                          deal.title() == null ? "Deal " + deal.dealId() : deal.title(),
                          PipelineRules.money(deal.value()),
                          PipelineRules.span(Duration.between(deal.since(), now)),
                          LocalDate.ofInstant(deal.since(), ZoneOffset.UTC),
                          PipelineRules.span(stalledAfter)),
                  priority,
                  0.9),
              List.of(new Subject("deal", deal.dealId()))));
    }

    DealCounts cohort = figures.cohort(orgId, now.minus(WINDOW), now);
    if (cohort.total() >= PipelineRules.MIN_DEALS) {
      for (Finding finding :
          PipelineRules.deals(
                  new DealFigures(
                      cohort.total(), cohort.won(), cohort.lost(), cohort.open(), null, null))
              .insights()) {
        if (!finding.type().equals("conversion_above_benchmark")) {
          candidates.add(
              new Candidate(
                  finding.type() + ":" + quarter,
                  new Finding(
                      finding.type(),
                      finding.title(),
                      finding.description() + " (Deals created in the last 90 days.)",
                      finding.priority(),
                      finding.confidence()),
                  List.of()));
        }
      }
    }

    winRateFalling(orgId, now)
        .ifPresent(
            finding ->
                candidates.add(new Candidate(finding.type() + ":" + quarter, finding, List.of())));

    if (open.count() >= CONCENTRATION_MIN_DEALS && open.value().signum() > 0) {
      BigDecimal top =
          open.top().stream().map(StalledDeal::value).reduce(BigDecimal.ZERO, BigDecimal::add);
      double share = top.divide(open.value(), 4, RoundingMode.HALF_UP).doubleValue();
      if (share >= 0.5) {
        candidates.add(
            new Candidate(
                "pipeline_concentration:" + quarter,
                new Finding(
                    "pipeline_concentration",
                    "Pipeline Concentrated on a Few Deals",
                    "Your three largest open deals hold %s of the open pipeline (%s of %s across %d deals): losing one would move the quarter."
                        .formatted(
                            PipelineRules.percent(share),
                            PipelineRules.money(top),
                            PipelineRules.money(open.value()),
                            open.count()),
                    Priority.MEDIUM,
                    0.8),
                open.top().stream().map(deal -> new Subject("deal", deal.dealId())).toList()));
      }
    }
    candidates.addAll(activityRules.candidates(orgId, now));
    return candidates;
  }

  private Optional<Finding> winRateFalling(UUID orgId, Instant now) {
    Conversion recent = analytics.conversion(orgId, now.minus(WINDOW), now);
    Conversion before =
        analytics.conversion(orgId, now.minus(WINDOW.multipliedBy(2)), now.minus(WINDOW));
    if (recent.winRate() == null
        || before.winRate() == null
        || recent.won() + recent.lost() < PipelineRules.MIN_DECIDED
        || before.won() + before.lost() < PipelineRules.MIN_DECIDED) {
      return Optional.empty();
    }
    double drop = before.winRate() - recent.winRate();
    if (drop < 0.10) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            "win_rate_falling",
            "Win Rate Falling",
            "Your win rate fell from %s (%d won of %d closed) in the 90 days before to %s (%d won of %d closed) in the last 90 days."
                .formatted(
                    PipelineRules.percent(before.winRate()),
                    before.won(),
                    before.won() + before.lost(),
                    PipelineRules.percent(recent.winRate()),
                    recent.won(),
                    recent.won() + recent.lost()),
            drop >= 0.20 ? Priority.HIGH : Priority.MEDIUM,
            PipelineRules.confidence(
                Math.min(recent.won() + recent.lost(), before.won() + before.lost()))));
  }

  private static InsightRaised event(Insight insight) {
    return new InsightRaised(
        insight.id(),
        insight.orgId(),
        insight.type(),
        insight.title(),
        insight.description(),
        insight.priority(),
        insight.confidence(),
        insight.status().id(),
        insight.subjects().stream()
            .map(subject -> new InsightRaised.Subject(subject.type(), subject.id()))
            .toList(),
        insight.createdAt(),
        insight.updatedAt());
  }

  static String quarter(Instant now) {
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
  }

  private static String capitalized(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }
}
