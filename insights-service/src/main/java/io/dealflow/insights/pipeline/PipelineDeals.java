package io.dealflow.insights.pipeline;

import io.dealflow.insights.pipeline.PipelineFigures.Closed;
import io.dealflow.insights.pipeline.PipelineFigures.DealCounts;
import io.dealflow.insights.pipeline.PipelineFigures.OpenDeals;
import io.dealflow.insights.pipeline.PipelineFigures.RepDeals;
import io.dealflow.insights.pipeline.PipelineFigures.StageHistory;
import io.dealflow.insights.pipeline.PipelineFigures.StageTotal;
import io.dealflow.insights.pipeline.PipelineFigures.Stalled;
import io.dealflow.insights.pipeline.PipelineFigures.StalledDeal;
import io.dealflow.insights.pipeline.PipelineFigures.Won;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code pipeline_deals} and {@code pipeline_stage_entries} tables. Every write is an upsert
 * that keeps what the newest event (by event time) said, so events applied in any order end in the
 * same row.
 */
@Repository
class PipelineDeals {

  private final JdbcClient jdbc;

  PipelineDeals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** {@code deal.created}: the deal's description, and its first stage unless a newer one came. */
  void created(
      UUID orgId,
      UUID dealId,
      String title,
      BigDecimal value,
      String currency,
      Stage stage,
      @Nullable UUID assignedTo,
      Instant at) {
    jdbc.sql(
            """
            INSERT INTO pipeline_deals AS p (org_id, deal_id, title, value, currency, stage,
                                             stage_at, created_at, closed_at, assigned_to)
            VALUES (:orgId, :dealId, :title, :value, :currency, :stage, :at, :at,
                    CASE WHEN :closed THEN CAST(:at AS timestamptz) END, :assignedTo)
            ON CONFLICT (org_id, deal_id) DO UPDATE SET
                title = EXCLUDED.title,
                currency = EXCLUDED.currency,
                assigned_to = EXCLUDED.assigned_to,
                created_at = LEAST(p.created_at, EXCLUDED.created_at),
                value = CASE WHEN EXCLUDED.stage_at > p.stage_at THEN EXCLUDED.value ELSE p.value END,
                stage = CASE WHEN EXCLUDED.stage_at > p.stage_at THEN EXCLUDED.stage ELSE p.stage END,
                closed_at = CASE WHEN EXCLUDED.stage_at > p.stage_at THEN EXCLUDED.closed_at
                                 ELSE p.closed_at END,
                stage_at = GREATEST(p.stage_at, EXCLUDED.stage_at)
            """)
        .param("orgId", orgId)
        .param("dealId", dealId)
        .param("title", title)
        .param("value", value)
        .param("currency", currency)
        .param("stage", stage.id())
        .param("closed", stage.isClosed())
        .param("at", Timestamp.from(at))
        .param("assignedTo", assignedTo)
        .update();
    entered(orgId, dealId, stage, at);
    changed(orgId);
  }

  /** A stage change, won or lost: the deal's stage and value unless a newer event set them. */
  void moved(UUID orgId, UUID dealId, Stage stage, BigDecimal value, Instant at) {
    jdbc.sql(
            """
            INSERT INTO pipeline_deals AS p (org_id, deal_id, value, stage, stage_at, created_at,
                                             closed_at)
            VALUES (:orgId, :dealId, :value, :stage, :at, :at,
                    CASE WHEN :closed THEN CAST(:at AS timestamptz) END)
            ON CONFLICT (org_id, deal_id) DO UPDATE SET
                created_at = LEAST(p.created_at, EXCLUDED.created_at),
                value = CASE WHEN EXCLUDED.stage_at >= p.stage_at THEN EXCLUDED.value ELSE p.value END,
                stage = CASE WHEN EXCLUDED.stage_at >= p.stage_at THEN EXCLUDED.stage ELSE p.stage END,
                closed_at = CASE WHEN EXCLUDED.stage_at >= p.stage_at THEN
                                     CASE WHEN p.stage = EXCLUDED.stage AND p.closed_at IS NOT NULL
                                          THEN LEAST(p.closed_at, EXCLUDED.closed_at)
                                          ELSE EXCLUDED.closed_at END
                                 ELSE p.closed_at END,
                stage_at = GREATEST(p.stage_at, EXCLUDED.stage_at)
            """)
        .param("orgId", orgId)
        .param("dealId", dealId)
        .param("value", value)
        .param("stage", stage.id())
        .param("closed", stage.isClosed())
        .param("at", Timestamp.from(at))
        .update();
    entered(orgId, dealId, stage, at);
    changed(orgId);
  }

  /** {@code deal.deleted}: no longer counted, whatever arrives for it later. */
  void deleted(UUID orgId, UUID dealId, Stage stage, BigDecimal value, Instant at) {
    jdbc.sql(
            """
            INSERT INTO pipeline_deals AS p (org_id, deal_id, value, stage, stage_at, created_at,
                                             deleted_at)
            VALUES (:orgId, :dealId, :value, :stage, :at, :at, :at)
            ON CONFLICT (org_id, deal_id) DO UPDATE SET
                deleted_at = LEAST(COALESCE(p.deleted_at, EXCLUDED.deleted_at), EXCLUDED.deleted_at)
            """)
        .param("orgId", orgId)
        .param("dealId", dealId)
        .param("value", value)
        .param("stage", stage.id())
        .param("at", Timestamp.from(at))
        .update();
    changed(orgId);
  }

  /** Notes that the workspace's read model changed (now, in this transaction). */
  private void changed(UUID orgId) {
    jdbc.sql(
            """
            INSERT INTO pipeline_changes (org_id, changed_at) VALUES (:orgId, clock_timestamp())
            ON CONFLICT (org_id) DO UPDATE SET changed_at = EXCLUDED.changed_at
            """)
        .param("orgId", orgId)
        .update();
  }

  /**
   * The deals created in {@code [from, to)}: how many, and how many of them are won, lost, open.
   */
  DealCounts cohort(UUID orgId, Instant from, Instant to) {
    return jdbc.sql(
            """
            SELECT count(*) AS total,
                   count(*) FILTER (WHERE stage = 'won') AS won,
                   count(*) FILTER (WHERE stage = 'lost') AS lost
            FROM pipeline_deals
            WHERE org_id = :orgId AND deleted_at IS NULL AND created_at >= :from AND created_at < :to
            """)
        .param("orgId", orgId)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(
            (rs, row) ->
                new DealCounts(
                    rs.getLong("total"),
                    rs.getLong("won"),
                    rs.getLong("lost"),
                    rs.getLong("total") - rs.getLong("won") - rs.getLong("lost")))
        .single();
  }

  /** Every workspace with a read model. */
  List<UUID> workspaces() {
    return jdbc.sql("SELECT org_id FROM pipeline_changes ORDER BY org_id").query(UUID.class).list();
  }

  private void entered(UUID orgId, UUID dealId, Stage stage, Instant at) {
    jdbc.sql(
            """
            INSERT INTO pipeline_stage_entries AS e (org_id, deal_id, stage, entered_at)
            VALUES (:orgId, :dealId, :stage, :at)
            ON CONFLICT (org_id, deal_id, stage) DO UPDATE SET
                entered_at = LEAST(e.entered_at, EXCLUDED.entered_at)
            """)
        .param("orgId", orgId)
        .param("dealId", dealId)
        .param("stage", stage.id())
        .param("at", Timestamp.from(at))
        .update();
  }

  /** Per stage: the deals in it and their total value. */
  List<StageTotal> stageTotals(UUID orgId) {
    return jdbc.sql(
            """
            SELECT stage, count(*) AS deals, COALESCE(sum(value), 0) AS value
            FROM pipeline_deals WHERE org_id = :orgId AND deleted_at IS NULL
            GROUP BY stage
            """)
        .param("orgId", orgId)
        .query(
            (rs, row) ->
                new StageTotal(
                    stored(rs.getString("stage")), rs.getLong("deals"), rs.getBigDecimal("value")))
        .list();
  }

  /**
   * Of the deals created in {@code [from, to)}: how many got no further than each stage of the
   * funnel (a lost deal counts at the furthest stage it reached before).
   */
  Map<Stage, Long> furthestStages(UUID orgId, Instant from, Instant to) {
    Map<Stage, Long> counts = new EnumMap<>(Stage.class);
    jdbc.sql(
            """
            SELECT furthest, count(*) AS deals FROM (
                SELECT d.deal_id,
                       max(CASE e.stage WHEN 'lead' THEN 0 WHEN 'qualified' THEN 1
                                        WHEN 'proposal' THEN 2 WHEN 'negotiation' THEN 3
                                        WHEN 'won' THEN 4 END) AS furthest
                FROM pipeline_deals d
                     JOIN pipeline_stage_entries e
                       ON e.org_id = d.org_id AND e.deal_id = d.deal_id AND e.stage <> 'lost'
                WHERE d.org_id = :orgId AND d.deleted_at IS NULL
                  AND d.created_at >= :from AND d.created_at < :to
                GROUP BY d.deal_id) reached
            WHERE furthest IS NOT NULL
            GROUP BY furthest
            """)
        .param("orgId", orgId)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(
            rs -> {
              counts.put(Stage.FUNNEL.get(rs.getInt("furthest")), rs.getLong("deals"));
            });
    return counts;
  }

  /** The deals won and lost in {@code [from, to)}, and the won ones' mean days from creation. */
  Closed closed(UUID orgId, Instant from, Instant to) {
    return jdbc.sql(
            """
            SELECT count(*) FILTER (WHERE stage = 'won') AS won,
                   count(*) FILTER (WHERE stage = 'lost') AS lost,
                   CAST(avg(extract(epoch FROM closed_at - created_at) / 86400)
                            FILTER (WHERE stage = 'won') AS double precision) AS cycle_days
            FROM pipeline_deals
            WHERE org_id = :orgId AND deleted_at IS NULL AND stage IN ('won', 'lost')
              AND closed_at >= :from AND closed_at < :to
            """)
        .param("orgId", orgId)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(
            (rs, row) ->
                new Closed(
                    rs.getLong("won"),
                    rs.getLong("lost"),
                    rs.getObject("cycle_days", Double.class)))
        .single();
  }

  /**
   * For each open stage, the closed deals that were once in it: how many were won and lost, and the
   * won ones' mean days from entering the stage to being won.
   */
  Map<Stage, StageHistory> histories(UUID orgId) {
    Map<Stage, StageHistory> histories = new EnumMap<>(Stage.class);
    jdbc.sql(
            """
            SELECT e.stage,
                   count(*) FILTER (WHERE d.stage = 'won') AS won,
                   count(*) FILTER (WHERE d.stage = 'lost') AS lost,
                   CAST(avg(extract(epoch FROM d.closed_at - e.entered_at) / 86400)
                            FILTER (WHERE d.stage = 'won') AS double precision) AS days_to_win
            FROM pipeline_stage_entries e
                 JOIN pipeline_deals d ON d.org_id = e.org_id AND d.deal_id = e.deal_id
            WHERE e.org_id = :orgId AND d.deleted_at IS NULL AND d.stage IN ('won', 'lost')
              AND e.stage IN ('lead', 'qualified', 'proposal', 'negotiation')
            GROUP BY e.stage
            """)
        .param("orgId", orgId)
        .query(
            rs -> {
              histories.put(
                  stored(rs.getString("stage")),
                  new StageHistory(
                      rs.getLong("won"),
                      rs.getLong("lost"),
                      rs.getObject("days_to_win", Double.class)));
            });
    return histories;
  }

  /**
   * Per open stage, the open deals that entered it at or before the stage's cut-off: their count,
   * total value and total squared value (for the forecast's spread).
   */
  Map<Stage, OpenDeals> openEnteredBy(UUID orgId, Map<Stage, Instant> cutoffs) {
    Map<Stage, OpenDeals> open = new EnumMap<>(Stage.class);
    for (Map.Entry<Stage, Instant> cutoff : cutoffs.entrySet()) {
      OpenDeals deals =
          jdbc.sql(
                  """
                  SELECT count(*) AS deals, COALESCE(sum(value), 0) AS value,
                         COALESCE(sum(value * value), 0) AS squares
                  FROM pipeline_deals
                  WHERE org_id = :orgId AND deleted_at IS NULL AND stage = :stage
                    AND stage_at <= :cutoff
                  """)
              .param("orgId", orgId)
              .param("stage", cutoff.getKey().id())
              .param("cutoff", Timestamp.from(cutoff.getValue()))
              .query(
                  (rs, row) ->
                      new OpenDeals(
                          rs.getLong("deals"),
                          rs.getBigDecimal("value"),
                          rs.getBigDecimal("squares")))
              .single();
      open.put(cutoff.getKey(), deals);
    }
    return open;
  }

  /**
   * The open deals whose stage has not changed since {@code before} (all of them, with a {@code
   * before} in the future), the most valuable first: at most {@code limit}, and how many there are
   * in all with their total value.
   */
  /** The open deals assigned to someone, per assignee. */
  List<RepDeals> openByRep(UUID orgId) {
    return jdbc.sql(
            """
            SELECT assigned_to, count(*) AS deals, sum(value) AS value
            FROM pipeline_deals
            WHERE org_id = :orgId AND deleted_at IS NULL AND assigned_to IS NOT NULL
              AND stage IN ('lead', 'qualified', 'proposal', 'negotiation')
            GROUP BY assigned_to
            ORDER BY sum(value) DESC, assigned_to
            """)
        .param("orgId", orgId)
        .query(
            (rs, row) ->
                new RepDeals(
                    rs.getObject("assigned_to", UUID.class),
                    rs.getLong("deals"),
                    rs.getBigDecimal("value")))
        .list();
  }

  /** The deals won in {@code [from, to)}: how many and their value. */
  Won won(UUID orgId, Instant from, Instant to) {
    return jdbc.sql(
            """
            SELECT count(*) AS deals, coalesce(sum(value), 0) AS value
            FROM pipeline_deals
            WHERE org_id = :orgId AND deleted_at IS NULL AND stage = 'won'
              AND closed_at >= :from AND closed_at < :to
            """)
        .param("orgId", orgId)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query((rs, row) -> new Won(rs.getLong("deals"), rs.getBigDecimal("value")))
        .single();
  }

  Stalled open(UUID orgId, Instant before, int limit) {
    long[] count = {0};
    BigDecimal[] total = {BigDecimal.ZERO};
    List<StalledDeal> deals = new java.util.ArrayList<>();
    jdbc.sql(
            """
            SELECT deal_id, title, stage, value, stage_at, count(*) OVER () AS stalled,
                   sum(value) OVER () AS total
            FROM pipeline_deals
            WHERE org_id = :orgId AND deleted_at IS NULL
              AND stage IN ('lead', 'qualified', 'proposal', 'negotiation')
              AND stage_at < :before
            ORDER BY value DESC, stage_at, deal_id
            LIMIT :limit
            """)
        .param("orgId", orgId)
        .param("before", Timestamp.from(before))
        .param("limit", limit)
        .query(
            rs -> {
              count[0] = rs.getLong("stalled");
              total[0] = rs.getBigDecimal("total");
              deals.add(
                  new StalledDeal(
                      rs.getObject("deal_id", UUID.class),
                      rs.getString("title"),
                      stored(rs.getString("stage")),
                      rs.getBigDecimal("value"),
                      rs.getTimestamp("stage_at").toInstant()));
            });
    return new Stalled(count[0], total[0], deals);
  }

  /** A stage as this table stores it (always written from {@link Stage#id()}). */
  private static Stage stored(String id) {
    return Stage.fromId(id)
        .orElseThrow(() -> new IllegalStateException("pipeline_deals holds stage " + id));
  }
}
