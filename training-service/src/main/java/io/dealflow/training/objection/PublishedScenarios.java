package io.dealflow.training.objection;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code from_calls_scenarios} table: the scenario an organization's admins last published from
 * its calls, which approving again revises.
 */
@Repository
class PublishedScenarios {

  private final JdbcClient jdbc;

  PublishedScenarios(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<UUID> find(UUID orgId) {
    return jdbc.sql(
            """
            SELECT scenario_id FROM from_calls_scenarios
            WHERE org_id = :orgId AND scenario_id IS NOT NULL
            """)
        .param("orgId", orgId)
        .query(UUID.class)
        .optional();
  }

  /**
   * The published scenario, holding the organization's row until the transaction ends, so two
   * approvals at once publish one scenario, one after the other.
   */
  Optional<UUID> lock(UUID orgId) {
    jdbc.sql(
            """
            INSERT INTO from_calls_scenarios (org_id, scenario_id) VALUES (:orgId, NULL)
            ON CONFLICT (org_id) DO NOTHING
            """)
        .param("orgId", orgId)
        .update();
    return jdbc.sql("SELECT scenario_id FROM from_calls_scenarios WHERE org_id = :orgId FOR UPDATE")
        .param("orgId", orgId)
        .query((rs, row) -> Optional.ofNullable(rs.getObject("scenario_id", UUID.class)))
        .single();
  }

  void publish(UUID orgId, UUID scenarioId) {
    jdbc.sql("UPDATE from_calls_scenarios SET scenario_id = :scenarioId WHERE org_id = :orgId")
        .param("orgId", orgId)
        .param("scenarioId", scenarioId)
        .update();
  }
}
