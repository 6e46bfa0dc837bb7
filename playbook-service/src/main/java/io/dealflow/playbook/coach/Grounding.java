package io.dealflow.playbook.coach;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What grounds the coach's answers for one rep: their newest assignments in their organization with
 * the client, product, archetypes and strategy each names. An archived strategy is not taught; a
 * draft one is, marked as a draft.
 */
@Repository
class Grounding {

  /** The assignments a brief holds at most, newest first: enough context, a bounded prompt. */
  static final int MAX_ASSIGNMENTS = 3;

  private final JdbcClient jdbc;

  Grounding(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Brief of(UUID orgId, UUID userId) {
    return new Brief(
        jdbc.sql(
                """
                SELECT c.name AS client, c.industry, ca.name AS client_archetype,
                       ca.description AS client_archetype_description,
                       p.name AS product, pa.name AS product_archetype,
                       pa.description AS product_archetype_description,
                       s.status, s.strategy_text,
                       a.practiced_seconds, a.min_practice_minutes
                FROM rep_assignments a
                JOIN clients c ON c.id = a.client_id AND c.org_id = a.org_id
                JOIN products p ON p.id = a.product_id AND p.org_id = a.org_id
                LEFT JOIN archetypes ca ON ca.id = c.client_archetype_id AND ca.org_id = a.org_id
                LEFT JOIN archetypes pa ON pa.id = p.product_archetype_id AND pa.org_id = a.org_id
                LEFT JOIN strategies s
                       ON s.id = a.strategy_id AND s.org_id = a.org_id AND s.status <> 'archived'
                WHERE a.org_id = :orgId AND a.user_id = :userId
                ORDER BY a.created_at DESC, a.id DESC
                LIMIT :limit
                """)
            .param("orgId", orgId)
            .param("userId", userId)
            .param("limit", MAX_ASSIGNMENTS)
            .query(
                (row, number) ->
                    new Brief.Assignment(
                        row.getString("client"),
                        row.getString("industry"),
                        described(
                            row.getString("client_archetype"),
                            row.getString("client_archetype_description")),
                        row.getString("product"),
                        described(
                            row.getString("product_archetype"),
                            row.getString("product_archetype_description")),
                        row.getString("status"),
                        row.getString("strategy_text"),
                        (int) (row.getLong("practiced_seconds") / 60),
                        row.getInt("min_practice_minutes")))
            .list());
  }

  private static @Nullable String described(@Nullable String name, @Nullable String description) {
    if (name == null) {
      return null;
    }
    return description == null || description.isBlank() ? name : name + " - " + description;
  }
}
