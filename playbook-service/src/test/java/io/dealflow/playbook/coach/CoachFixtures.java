package io.dealflow.playbook.coach;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A rep's assignment written straight into the tables the coach reads. */
final class CoachFixtures {

  static final String STRATEGY =
      """
      Goal: a 12-month pilot of the Pipeline Analytics Suite for Contoso's field sales team.

      Objections and answers:
      - "We already have CRM reports." Agree, then ask how long the Friday forecast takes. \
      Reports show where deals are; the suite shows which will slip.
      - "Not this quarter." Ask what the next forecast miss costs.

      Next step to ask for: a working session with the VP Sales on last quarter's slipped deals.
      """;

  private CoachFixtures() {}

  static void assign(JdbcClient jdbc, UUID orgId, UUID userId, String strategy) {
    Timestamp now = Timestamp.from(Instant.now());
    UUID archetype = UUID.randomUUID();
    UUID client = UUID.randomUUID();
    UUID product = UUID.randomUUID();
    UUID strategyId = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO archetypes (id, org_id, kind, name, description, created_at, updated_at)
            VALUES (:id, :org, 'client', 'Enterprise buying committee',
                    'Several approvers; Finance signs above a threshold', :now, :now)
            """)
        .param("id", archetype)
        .param("org", orgId)
        .param("now", now)
        .update();
    jdbc.sql(
            """
            INSERT INTO clients (id, org_id, name, industry, client_archetype_id, archived,
                                 created_at, updated_at)
            VALUES (:id, :org, 'Contoso Ltd', 'Manufacturing', :archetype, false, :now, :now)
            """)
        .param("id", client)
        .param("org", orgId)
        .param("archetype", archetype)
        .param("now", now)
        .update();
    jdbc.sql(
            """
            INSERT INTO products (id, org_id, name, archived, created_at, updated_at)
            VALUES (:id, :org, 'Pipeline Analytics Suite', false, :now, :now)
            """)
        .param("id", product)
        .param("org", orgId)
        .param("now", now)
        .update();
    jdbc.sql(
            """
            INSERT INTO strategies (id, org_id, product_id, client_id, strategy_text, status,
                                    created_at, updated_at)
            VALUES (:id, :org, :product, :client, :text, 'approved', :now, :now)
            """)
        .param("id", strategyId)
        .param("org", orgId)
        .param("product", product)
        .param("client", client)
        .param("text", strategy)
        .param("now", now)
        .update();
    jdbc.sql(
            """
            INSERT INTO rep_assignments (id, org_id, user_id, product_id, client_id, strategy_id,
                                         min_practice_minutes, practiced_seconds, created_at,
                                         updated_at)
            VALUES (:id, :org, :user, :product, :client, :strategy, 30, 600, :now, :now)
            """)
        .param("id", UUID.randomUUID())
        .param("org", orgId)
        .param("user", userId)
        .param("product", product)
        .param("client", client)
        .param("strategy", strategyId)
        .param("now", now)
        .update();
  }
}
