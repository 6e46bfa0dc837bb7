package io.dealflow.support.analytics;

import io.dealflow.support.analytics.ConversationStats.Day;
import io.dealflow.support.analytics.Dashboard.IntentCount;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The analytics queries over sessions, messages, ratings and tickets. Every query names its
 * organization and the period's sessions (created in it).
 */
@Repository
class SupportStatistics {

  private final JdbcClient jdbc;

  SupportStatistics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Dashboard dashboard(UUID orgId, Period period) {
    record Totals(long total, long escalated, long deflected) {}
    Totals totals =
        jdbc.sql(
                """
                SELECT count(*) AS total,
                       count(*) FILTER (WHERE s.escalated_at IS NOT NULL) AS escalated,
                       count(*) FILTER (WHERE s.escalated_at IS NULL AND EXISTS (
                           SELECT 1 FROM support_messages m
                           WHERE m.org_id = :orgId AND m.session_id = s.id
                             AND m.message_type = 'bot' AND m.answered)) AS deflected
                FROM support_sessions s
                WHERE s.org_id = :orgId AND s.created_at >= :from AND s.created_at < :to
                """)
            .params(params(orgId, period))
            .query(
                (rs, row) ->
                    new Totals(
                        rs.getLong("total"), rs.getLong("escalated"), rs.getLong("deflected")))
            .single();
    Double responseMs =
        jdbc.sql(
                """
                SELECT avg(m.response_time_ms) FROM support_messages m
                JOIN support_sessions s ON s.id = m.session_id AND s.org_id = :orgId
                WHERE m.org_id = :orgId AND m.message_type = 'bot'
                  AND s.created_at >= :from AND s.created_at < :to
                """)
            .params(params(orgId, period))
            .query(Double.class)
            .optional()
            .orElse(null);
    Double satisfaction =
        jdbc.sql(
                """
                SELECT avg(f.rating) FROM message_feedback f
                JOIN support_messages m ON m.id = f.message_id AND m.org_id = :orgId
                JOIN support_sessions s ON s.id = m.session_id AND s.org_id = :orgId
                WHERE f.org_id = :orgId AND s.created_at >= :from AND s.created_at < :to
                """)
            .params(params(orgId, period))
            .query(Double.class)
            .optional()
            .orElse(null);
    List<IntentCount> intents =
        jdbc.sql(
                """
                SELECT m.intent, count(*) AS n FROM support_messages m
                JOIN support_sessions s ON s.id = m.session_id AND s.org_id = :orgId
                WHERE m.org_id = :orgId AND m.message_type = 'user' AND m.intent IS NOT NULL
                  AND s.created_at >= :from AND s.created_at < :to
                GROUP BY m.intent ORDER BY n DESC, m.intent LIMIT 10
                """)
            .params(params(orgId, period))
            .query((rs, row) -> new IntentCount(rs.getString("intent"), rs.getLong("n")))
            .list();
    return new Dashboard(
        rate(totals.deflected(), totals.total()),
        responseMs == null ? 0 : round(responseMs / 1000.0),
        satisfaction == null ? null : round(satisfaction),
        totals.total(),
        rate(totals.escalated(), totals.total()),
        intents);
  }

  ConversationStats conversations(UUID orgId, Period period) {
    Map<String, Long> byChannel = counts(orgId, period, "channel");
    Map<String, Long> byStatus = counts(orgId, period, "status");
    long total = byChannel.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Long> messages = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT m.message_type, count(*) AS n FROM support_messages m
            JOIN support_sessions s ON s.id = m.session_id AND s.org_id = :orgId
            WHERE m.org_id = :orgId AND s.created_at >= :from AND s.created_at < :to
            GROUP BY m.message_type ORDER BY m.message_type
            """)
        .params(params(orgId, period))
        .query(
            (RowCallbackHandler) rs -> messages.put(rs.getString("message_type"), rs.getLong("n")));
    long unanswered =
        jdbc.sql(
                """
                SELECT count(*) FROM support_messages m
                JOIN support_sessions s ON s.id = m.session_id AND s.org_id = :orgId
                WHERE m.org_id = :orgId AND m.message_type = 'user' AND m.answered = false
                  AND s.created_at >= :from AND s.created_at < :to
                """)
            .params(params(orgId, period))
            .query(Long.class)
            .single();
    List<Day> daily =
        jdbc.sql(
                """
                SELECT (s.created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS conversations,
                       count(*) FILTER (WHERE s.escalated_at IS NOT NULL) AS escalated,
                       coalesce(sum((SELECT count(*) FROM support_messages m
                                     WHERE m.org_id = :orgId AND m.session_id = s.id)), 0)
                           AS messages
                FROM support_sessions s
                WHERE s.org_id = :orgId AND s.created_at >= :from AND s.created_at < :to
                GROUP BY day ORDER BY day
                """)
            .params(params(orgId, period))
            .query(
                (rs, row) ->
                    new Day(
                        rs.getDate("day").toLocalDate(),
                        rs.getLong("conversations"),
                        rs.getLong("escalated"),
                        rs.getLong("messages")))
            .list();
    long messageCount = messages.values().stream().mapToLong(Long::longValue).sum();
    return new ConversationStats(
        total,
        byChannel,
        byStatus,
        messages,
        total == 0 ? 0 : round((double) messageCount / total),
        unanswered,
        daily);
  }

  List<AgentPerformance> agents(UUID orgId, Period period) {
    return jdbc.sql(
            """
            WITH agent_messages AS (
                SELECT m.sender_id AS agent_id, m.session_id, m.created_at
                FROM support_messages m
                JOIN support_sessions s ON s.id = m.session_id AND s.org_id = :orgId
                WHERE m.org_id = :orgId AND m.message_type = 'agent'
                  AND s.created_at >= :from AND s.created_at < :to),
            first_answers AS (
                SELECT a.agent_id, a.session_id,
                       extract(epoch FROM min(a.created_at) - s.escalated_at)::double precision
                           AS seconds
                FROM agent_messages a JOIN support_sessions s ON s.id = a.session_id
                WHERE s.org_id = :orgId AND s.escalated_at IS NOT NULL
                GROUP BY a.agent_id, a.session_id, s.escalated_at),
            ticket_work AS (
                SELECT assignee_id AS agent_id, count(*) AS assigned,
                       count(*) FILTER (WHERE resolved_at IS NOT NULL) AS resolved,
                       avg(extract(epoch FROM resolved_at - created_at)::double precision / 3600)
                           FILTER (WHERE resolved_at IS NOT NULL) AS resolution_hours
                FROM tickets
                WHERE org_id = :orgId AND assignee_id IS NOT NULL
                  AND created_at >= :from AND created_at < :to
                GROUP BY assignee_id),
            agents AS (
                SELECT agent_id FROM agent_messages UNION SELECT agent_id FROM ticket_work)
            SELECT g.agent_id,
                   (SELECT count(DISTINCT session_id) FROM agent_messages a
                    WHERE a.agent_id = g.agent_id) AS sessions,
                   (SELECT count(*) FROM agent_messages a WHERE a.agent_id = g.agent_id)
                       AS messages,
                   (SELECT avg(seconds) FROM first_answers f WHERE f.agent_id = g.agent_id)
                       AS first_response,
                   coalesce(t.assigned, 0) AS assigned, coalesce(t.resolved, 0) AS resolved,
                   t.resolution_hours
            FROM agents g LEFT JOIN ticket_work t ON t.agent_id = g.agent_id
            ORDER BY messages DESC, g.agent_id
            """)
        .params(params(orgId, period))
        .query(
            (rs, row) ->
                new AgentPerformance(
                    rs.getObject("agent_id", UUID.class),
                    rs.getLong("sessions"),
                    rs.getLong("messages"),
                    roundOrNull(rs.getObject("first_response", Double.class)),
                    rs.getLong("assigned"),
                    rs.getLong("resolved"),
                    roundOrNull(rs.getObject("resolution_hours", Double.class))))
        .list();
  }

  private Map<String, Long> counts(UUID orgId, Period period, String column) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT %s AS value, count(*) AS n FROM support_sessions
            WHERE org_id = :orgId AND created_at >= :from AND created_at < :to
            GROUP BY %s ORDER BY %s
            """
                .formatted(column, column, column))
        .params(params(orgId, period))
        .query((RowCallbackHandler) rs -> counts.put(rs.getString("value"), rs.getLong("n")));
    return counts;
  }

  private static Map<String, Object> params(UUID orgId, Period period) {
    return Map.of(
        "orgId", orgId, "from", Timestamp.from(period.from()), "to", Timestamp.from(period.to()));
  }

  private static double rate(long part, long whole) {
    return whole == 0 ? 0 : round((double) part / whole);
  }

  private static Double roundOrNull(Double value) {
    return value == null ? null : round(value);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
