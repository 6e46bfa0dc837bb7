package io.dealflow.insights.activity;

import io.dealflow.insights.activity.ActivityFigures.Escalations;
import io.dealflow.insights.activity.ActivityFigures.FailingIntegration;
import io.dealflow.insights.activity.ActivityFigures.Practice;
import io.dealflow.insights.activity.ActivityFigures.WaitingLead;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code activity_*} tables. Every change is applied by event time, so events of one record
 * arriving out of order (they travel on different topics) end in the same state; each change also
 * marks the workspace as changed, so its insights are evaluated again.
 */
@Repository
class SalesActivity {

  /** The lead statuses past qualification: the lead was followed up. */
  static final List<String> PAST_QUALIFIED = List.of("proposal", "closed");

  private final JdbcClient jdbc;

  SalesActivity(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void leadStatus(UUID orgId, UUID leadId, String status, Instant at) {
    jdbc.sql(
            """
            INSERT INTO activity_leads AS l (org_id, lead_id, status, status_at, first_seen_at)
            VALUES (:orgId, :leadId, :status, :at, :at)
            ON CONFLICT (org_id, lead_id) DO UPDATE SET
                status = CASE WHEN l.status_at IS NULL OR l.status_at <= EXCLUDED.status_at
                              THEN EXCLUDED.status ELSE l.status END,
                status_at = GREATEST(l.status_at, EXCLUDED.status_at),
                first_seen_at = LEAST(l.first_seen_at, EXCLUDED.first_seen_at)
            """)
        .param("orgId", orgId)
        .param("leadId", leadId)
        .param("status", status)
        .param("at", Timestamp.from(at))
        .update();
    if (PAST_QUALIFIED.contains(status)) {
      followedUp(orgId, leadId, at);
    } else {
      changed(orgId);
    }
  }

  void leadQualified(UUID orgId, UUID leadId, Instant at) {
    jdbc.sql(
            """
            INSERT INTO activity_leads AS l (org_id, lead_id, qualified_at, first_seen_at)
            VALUES (:orgId, :leadId, :at, :at)
            ON CONFLICT (org_id, lead_id) DO UPDATE SET
                qualified_at = LEAST(l.qualified_at, EXCLUDED.qualified_at),
                first_seen_at = LEAST(l.first_seen_at, EXCLUDED.first_seen_at)
            """)
        .param("orgId", orgId)
        .param("leadId", leadId)
        .param("at", Timestamp.from(at))
        .update();
    changed(orgId);
  }

  void followedUp(UUID orgId, UUID leadId, Instant at) {
    jdbc.sql(
            """
            INSERT INTO activity_leads AS l (org_id, lead_id, followed_up_at, first_seen_at)
            VALUES (:orgId, :leadId, :at, :at)
            ON CONFLICT (org_id, lead_id) DO UPDATE SET
                followed_up_at = GREATEST(l.followed_up_at, EXCLUDED.followed_up_at),
                first_seen_at = LEAST(l.first_seen_at, EXCLUDED.first_seen_at)
            """)
        .param("orgId", orgId)
        .param("leadId", leadId)
        .param("at", Timestamp.from(at))
        .update();
    changed(orgId);
  }

  void trained(UUID orgId, UUID sessionId, UUID userId, Instant completedAt, long seconds) {
    jdbc.sql(
            """
            INSERT INTO activity_training (org_id, session_id, user_id, completed_at, duration_seconds)
            VALUES (:orgId, :sessionId, :userId, :at, :seconds)
            ON CONFLICT (org_id, session_id) DO NOTHING
            """)
        .param("orgId", orgId)
        .param("sessionId", sessionId)
        .param("userId", userId)
        .param("at", Timestamp.from(completedAt))
        .param("seconds", seconds)
        .update();
    changed(orgId);
  }

  void synced(
      UUID orgId,
      UUID integrationId,
      String provider,
      String status,
      @Nullable String reason,
      int records,
      Instant at) {
    jdbc.sql(
            """
            INSERT INTO activity_integrations AS i
                (org_id, integration_id, provider, status, reason, records_synced, at)
            VALUES (:orgId, :integrationId, :provider, :status, :reason, :records, :at)
            ON CONFLICT (org_id, integration_id) DO UPDATE SET
                provider = EXCLUDED.provider, status = EXCLUDED.status, reason = EXCLUDED.reason,
                records_synced = EXCLUDED.records_synced, at = EXCLUDED.at
            WHERE i.at <= EXCLUDED.at
            """)
        .param("orgId", orgId)
        .param("integrationId", integrationId)
        .param("provider", provider)
        .param("status", status)
        .param("reason", reason)
        .param("records", records)
        .param("at", Timestamp.from(at))
        .update();
    changed(orgId);
  }

  void escalated(UUID orgId, UUID ticketId, String reason, Instant at) {
    jdbc.sql(
            """
            INSERT INTO activity_escalations (org_id, ticket_id, reason, escalated_at)
            VALUES (:orgId, :ticketId, :reason, :at)
            ON CONFLICT (org_id, ticket_id) DO NOTHING
            """)
        .param("orgId", orgId)
        .param("ticketId", ticketId)
        .param("reason", reason)
        .param("at", Timestamp.from(at))
        .update();
    changed(orgId);
  }

  /** Leads qualified before {@code before} and still qualified, with no follow-up since. */
  List<WaitingLead> waiting(UUID orgId, Instant before, int limit) {
    return jdbc.sql(
            """
            SELECT lead_id, qualified_at FROM activity_leads
            WHERE org_id = :orgId AND status = 'qualified' AND qualified_at < :before
              AND (followed_up_at IS NULL OR followed_up_at <= qualified_at)
            ORDER BY qualified_at, lead_id
            LIMIT :limit
            """)
        .param("orgId", orgId)
        .param("before", Timestamp.from(before))
        .param("limit", limit)
        .query(
            (rs, row) ->
                new WaitingLead(
                    rs.getObject("lead_id", UUID.class),
                    rs.getTimestamp("qualified_at").toInstant()))
        .list();
  }

  /** Each user's completed training since {@code since}: sessions and minutes. */
  List<Practice> practice(UUID orgId, Instant since) {
    return jdbc.sql(
            """
            SELECT user_id, count(*) AS sessions, sum(duration_seconds) AS seconds
            FROM activity_training
            WHERE org_id = :orgId AND completed_at >= :since
            GROUP BY user_id
            """)
        .param("orgId", orgId)
        .param("since", Timestamp.from(since))
        .query(
            (rs, row) ->
                new Practice(
                    rs.getObject("user_id", UUID.class),
                    rs.getLong("sessions"),
                    rs.getLong("seconds") / 60))
        .list();
  }

  /** The integrations whose latest sync failed. */
  List<FailingIntegration> failing(UUID orgId) {
    return jdbc.sql(
            """
            SELECT integration_id, provider, reason, at FROM activity_integrations
            WHERE org_id = :orgId AND status = 'failed'
            ORDER BY at, integration_id
            """)
        .param("orgId", orgId)
        .query(
            (rs, row) ->
                new FailingIntegration(
                    rs.getObject("integration_id", UUID.class),
                    rs.getString("provider"),
                    rs.getString("reason"),
                    rs.getTimestamp("at").toInstant()))
        .list();
  }

  /** Escalations in {@code [from, middle)} and in {@code [middle, to)}. */
  Escalations escalations(UUID orgId, Instant from, Instant middle, Instant to) {
    return jdbc.sql(
            """
            SELECT count(*) FILTER (WHERE escalated_at < :middle) AS before,
                   count(*) FILTER (WHERE escalated_at >= :middle) AS recent
            FROM activity_escalations
            WHERE org_id = :orgId AND escalated_at >= :from AND escalated_at < :to
            """)
        .param("orgId", orgId)
        .param("from", Timestamp.from(from))
        .param("middle", Timestamp.from(middle))
        .param("to", Timestamp.from(to))
        .query((rs, row) -> new Escalations(rs.getLong("before"), rs.getLong("recent")))
        .single();
  }

  /** Marks the workspace as changed (the insight engine evaluates it again). */
  private void changed(UUID orgId) {
    jdbc.sql(
            """
            INSERT INTO pipeline_changes (org_id, changed_at) VALUES (:orgId, clock_timestamp())
            ON CONFLICT (org_id) DO UPDATE SET changed_at = EXCLUDED.changed_at
            """)
        .param("orgId", orgId)
        .update();
  }
}
