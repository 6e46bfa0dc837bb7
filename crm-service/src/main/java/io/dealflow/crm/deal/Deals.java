package io.dealflow.crm.deal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code deals} table. Every query names the organizations it may touch. */
@Repository
class Deals {

  private static final String COLUMNS =
      """
      id, org_id, title, value, currency, stage, probability, assigned_to, contact_name,
      company_name, expected_close_date, closed_at, source, external_id, created_by, created_at,
      updated_at, version
      """;

  private static final String INSERT =
      """
      INSERT INTO deals (%s)
      VALUES (:id, :orgId, :title, :value, :currency, :stage, :probability, :assignedTo,
              :contactName, :companyName, :expectedCloseDate, :closedAt, :source, :externalId,
              :createdBy, :createdAt, :updatedAt, :version)
      """
          .formatted(COLUMNS);

  private final JdbcClient jdbc;

  Deals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Deal deal) {
    bind(jdbc.sql(INSERT), deal).update();
  }

  /** Inserts the deal unless one with its id exists; true if it was inserted. */
  boolean insertIfAbsent(Deal deal) {
    return bind(jdbc.sql(INSERT + "ON CONFLICT (id) DO NOTHING"), deal).update() == 1;
  }

  /**
   * Writes the deal's fields if its row still has {@code deal.version()}, and moves the row to the
   * next version. False when another writer changed (or deleted) it in between.
   */
  boolean update(Deal deal) {
    return bind(
                jdbc.sql(
                    """
                    UPDATE deals SET title = :title, value = :value, currency = :currency,
                           stage = :stage, probability = :probability, assigned_to = :assignedTo,
                           contact_name = :contactName, company_name = :companyName,
                           expected_close_date = :expectedCloseDate, closed_at = :closedAt,
                           updated_at = :updatedAt, version = version + 1
                    WHERE id = :id AND org_id = :orgId AND version = :version
                    """),
                deal)
            .update()
        == 1;
  }

  Optional<Deal> find(DealId id, Collection<UUID> orgIds) {
    if (orgIds.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM deals WHERE id = :id AND org_id IN (:orgIds)")
        .param("id", id.value())
        .param("orgIds", orgIds)
        .query(Deals::map)
        .optional();
  }

  /** The deal synced from {@code externalId}, locked until the transaction ends. */
  Optional<Deal> lockBySource(UUID orgId, String source, String externalId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                FROM deals
                WHERE org_id = :orgId AND source = :source AND external_id = :externalId
                FOR UPDATE
                """)
        .param("orgId", orgId)
        .param("source", source)
        .param("externalId", externalId)
        .query(Deals::map)
        .optional();
  }

  /** A page of the workspace's deals, newest first. */
  List<Deal> page(UUID orgId, DealFilter filter, int limit, int offset) {
    return filtered(
            "SELECT "
                + COLUMNS
                + " FROM deals WHERE "
                + where(filter)
                + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset",
            orgId,
            filter)
        .param("limit", limit)
        .param("offset", offset)
        .query(Deals::map)
        .list();
  }

  long count(UUID orgId, DealFilter filter) {
    return filtered("SELECT count(*) FROM deals WHERE " + where(filter), orgId, filter)
        .query(Long.class)
        .single();
  }

  boolean delete(DealId id, Collection<UUID> orgIds) {
    if (orgIds.isEmpty()) {
      return false;
    }
    return jdbc.sql("DELETE FROM deals WHERE id = :id AND org_id IN (:orgIds)")
            .param("id", id.value())
            .param("orgIds", orgIds)
            .update()
        == 1;
  }

  private static String where(DealFilter filter) {
    StringBuilder where = new StringBuilder("org_id = :orgId");
    if (filter.stage() != null) {
      where.append(" AND stage = :stage");
    }
    if (filter.assignedTo() != null) {
      where.append(" AND assigned_to = :assignedTo");
    }
    return where.toString();
  }

  private JdbcClient.StatementSpec filtered(String sql, UUID orgId, DealFilter filter) {
    JdbcClient.StatementSpec statement = jdbc.sql(sql).param("orgId", orgId);
    if (filter.stage() != null) {
      statement = statement.param("stage", filter.stage().id());
    }
    if (filter.assignedTo() != null) {
      statement = statement.param("assignedTo", filter.assignedTo());
    }
    return statement;
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Deal deal) {
    return statement
        .param("id", deal.id().value())
        .param("orgId", deal.orgId())
        .param("title", deal.title())
        .param("value", deal.value())
        .param("currency", deal.currency())
        .param("stage", deal.stage().id())
        .param("probability", deal.probability())
        .param("assignedTo", deal.assignedTo())
        .param("contactName", deal.contactName())
        .param("companyName", deal.companyName())
        .param("expectedCloseDate", deal.expectedCloseDate())
        .param("closedAt", timestamp(deal.closedAt()))
        .param("source", deal.source())
        .param("externalId", deal.externalId())
        .param("createdBy", deal.createdBy())
        .param("createdAt", timestamp(deal.createdAt()))
        .param("updatedAt", timestamp(deal.updatedAt()))
        .param("version", deal.version());
  }

  private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Deal map(ResultSet rs, int row) throws SQLException {
    return new Deal(
        DealId.of(rs.getObject("id", UUID.class)),
        rs.getObject("org_id", UUID.class),
        rs.getString("title"),
        rs.getBigDecimal("value"),
        rs.getString("currency"),
        Stage.fromId(rs.getString("stage")).orElseThrow(),
        rs.getInt("probability"),
        rs.getObject("assigned_to", UUID.class),
        rs.getString("contact_name"),
        rs.getString("company_name"),
        rs.getObject("expected_close_date", LocalDate.class),
        instant(rs, "closed_at"),
        rs.getString("source"),
        rs.getString("external_id"),
        rs.getObject("created_by", UUID.class),
        Objects.requireNonNull(instant(rs, "created_at")),
        Objects.requireNonNull(instant(rs, "updated_at")),
        rs.getLong("version"));
  }
}
