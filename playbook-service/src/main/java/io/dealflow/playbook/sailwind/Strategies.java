package io.dealflow.playbook.sailwind;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code strategies} table. Every query names its organization. */
@Repository
class Strategies {

  private static final String COLUMNS =
      """
      id, org_id, product_id, client_id, strategy_text, status, created_by, created_at, updated_at
      """;

  private final JdbcClient jdbc;

  Strategies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the strategy (or, with {@code ifAbsent}, not if its id exists); true if inserted. */
  boolean insert(Strategy strategy, boolean ifAbsent) {
    return jdbc.sql(
                """
                INSERT INTO strategies (%s)
                VALUES (:id, :orgId, :productId, :clientId, :text, :status, :createdBy,
                        :createdAt, :updatedAt)
                """
                        .formatted(COLUMNS)
                    + (ifAbsent ? " ON CONFLICT (id) DO NOTHING" : ""))
            .param("id", strategy.id())
            .param("orgId", strategy.orgId())
            .param("productId", strategy.productId())
            .param("clientId", strategy.clientId())
            .param("text", strategy.strategyText())
            .param("status", strategy.status().id())
            .param("createdBy", strategy.createdBy())
            .param("createdAt", Rows.timestamp(strategy.createdAt()))
            .param("updatedAt", Rows.timestamp(strategy.updatedAt()))
            .update()
        == 1;
  }

  void update(Strategy strategy) {
    jdbc.sql(
            """
            UPDATE strategies SET strategy_text = :text, status = :status, updated_at = :updatedAt
            WHERE id = :id AND org_id = :orgId
            """)
        .param("id", strategy.id())
        .param("orgId", strategy.orgId())
        .param("text", strategy.strategyText())
        .param("status", strategy.status().id())
        .param("updatedAt", Rows.timestamp(strategy.updatedAt()))
        .update();
  }

  /** The strategy, locked until the transaction ends when {@code lock}. */
  Optional<Strategy> find(UUID orgId, UUID id, boolean lock) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM strategies WHERE id = :id AND org_id = :orgId"
                + (lock ? " FOR UPDATE" : ""))
        .param("id", id)
        .param("orgId", orgId)
        .query(Strategies::map)
        .optional();
  }

  /** The organization's strategies, oldest first. */
  List<Strategy> list(UUID orgId, boolean includeArchived) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM strategies WHERE org_id = :orgId"
                + (includeArchived ? "" : " AND status <> 'archived'")
                + " ORDER BY created_at, id")
        .param("orgId", orgId)
        .query(Strategies::map)
        .list();
  }

  private static Strategy map(ResultSet rs, int row) throws SQLException {
    return new Strategy(
        Rows.uuid(rs, "id"),
        Rows.uuid(rs, "org_id"),
        Rows.uuid(rs, "product_id"),
        Rows.uuid(rs, "client_id"),
        rs.getString("strategy_text"),
        StrategyStatus.fromId(rs.getString("status")).orElseThrow(),
        Rows.optionalUuid(rs, "created_by"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"));
  }
}
