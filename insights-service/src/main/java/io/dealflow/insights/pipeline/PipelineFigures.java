package io.dealflow.insights.pipeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the read model says about a workspace's pipeline: the figures analytics build on. */
@Service
@Transactional(readOnly = true)
public class PipelineFigures {

  /** Deals in a stage and their total value. */
  public record StageTotal(Stage stage, long deals, BigDecimal value) {}

  /** Deals won and lost in a period, and the won ones' mean days from creation to won. */
  public record Closed(long won, long lost, @Nullable Double cycleDays) {}

  /** The closed deals that were once in a stage, and the won ones' mean days from it to won. */
  public record StageHistory(long won, long lost, @Nullable Double daysToWin) {

    public long closed() {
      return won + lost;
    }
  }

  /** Open deals: how many, their total value and the total of their squared values. */
  public record OpenDeals(long deals, BigDecimal value, BigDecimal squares) {}

  /** An open deal whose stage has not changed for a while. */
  public record StalledDeal(
      UUID dealId, @Nullable String title, Stage stage, BigDecimal value, Instant since) {}

  /** How many open deals there are (of those asked for), their value, and the most valuable. */
  public record Stalled(long count, BigDecimal value, List<StalledDeal> top) {

    public Stalled {
      top = List.copyOf(top);
    }
  }

  private final PipelineDeals deals;

  PipelineFigures(PipelineDeals deals) {
    this.deals = deals;
  }

  public List<StageTotal> stageTotals(UUID orgId) {
    return deals.stageTotals(orgId);
  }

  public Map<Stage, Long> furthestStages(UUID orgId, Instant from, Instant to) {
    return deals.furthestStages(orgId, from, to);
  }

  public Closed closed(UUID orgId, Instant from, Instant to) {
    return deals.closed(orgId, from, to);
  }

  public Map<Stage, StageHistory> histories(UUID orgId) {
    return deals.histories(orgId);
  }

  public Map<Stage, OpenDeals> openEnteredBy(UUID orgId, Map<Stage, Instant> cutoffs) {
    return deals.openEnteredBy(orgId, cutoffs);
  }

  /** Open deals whose stage has not changed since {@code before}, the most valuable first. */
  public Stalled stalled(UUID orgId, Instant before, int limit) {
    return deals.open(orgId, before, limit);
  }

  /** Every open deal, the most valuable first. */
  public Stalled open(UUID orgId, int limit) {
    return deals.open(orgId, Instant.parse("9999-01-01T00:00:00Z"), limit);
  }

  /** Deals created in a period: how many, won, lost and still open. */
  public record DealCounts(long total, long won, long lost, long open) {}

  public DealCounts cohort(UUID orgId, Instant from, Instant to) {
    return deals.cohort(orgId, from, to);
  }

  /** A rep's open deals. */
  public record RepDeals(UUID userId, long deals, BigDecimal value) {}

  /** The open deals assigned to someone, per assignee, the largest open value first. */
  public List<RepDeals> openByRep(UUID orgId) {
    return deals.openByRep(orgId);
  }

  /** Deals won in a period and their value. */
  public record Won(long deals, BigDecimal value) {}

  public Won won(UUID orgId, Instant from, Instant to) {
    return deals.won(orgId, from, to);
  }

  /** Every workspace the read model holds deals of. */
  public List<UUID> workspaces() {
    return deals.workspaces();
  }
}
