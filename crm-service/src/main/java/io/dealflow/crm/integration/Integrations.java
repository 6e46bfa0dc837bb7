package io.dealflow.crm.integration;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
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

/** The {@code integrations} table. Every query names the organizations it may touch. */
@Repository
class Integrations {

  private static final String COLUMNS =
      """
      id, org_id, provider, name, base_url, access_token, sync_contacts, sync_deals,
      default_currency, last_synced_at, last_status, last_error, records_synced, connected_by,
      created_at, updated_at, version
      """;

  private final JdbcClient jdbc;

  Integrations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the integration; false if the workspace already has one of its provider. */
  boolean insert(Integration integration) {
    return jdbc.sql(
                """
                INSERT INTO integrations (id, org_id, provider, name, base_url, access_token,
                                          sync_contacts, sync_deals, default_currency,
                                          connected_by, created_at, updated_at)
                VALUES (:id, :orgId, :provider, :name, :baseUrl, :token, :syncContacts,
                        :syncDeals, :defaultCurrency, :connectedBy, :createdAt, :createdAt)
                ON CONFLICT (org_id, provider) DO NOTHING
                """)
            .param("id", integration.id())
            .param("orgId", integration.orgId())
            .param("provider", integration.provider().id())
            .param("name", integration.name())
            .param(
                "baseUrl", integration.baseUrl() == null ? null : integration.baseUrl().toString())
            .param("token", integration.sealedToken())
            .param("syncContacts", integration.syncContacts())
            .param("syncDeals", integration.syncDeals())
            .param("defaultCurrency", integration.defaultCurrency())
            .param("connectedBy", integration.connectedBy())
            .param("createdAt", integration.createdAt().atOffset(ZoneOffset.UTC))
            .update()
        == 1;
  }

  Optional<Integration> find(UUID id, Collection<UUID> orgIds) {
    if (orgIds.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM integrations WHERE id = :id AND org_id IN (:orgIds)")
        .param("id", id)
        .param("orgIds", orgIds)
        .query(Integrations::map)
        .optional();
  }

  /** The integration's row, locked until the transaction ends, so one sync applies at a time. */
  Optional<Integration> lock(UUID id, UUID orgId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM integrations WHERE id = :id AND org_id = :orgId FOR UPDATE")
        .param("id", id)
        .param("orgId", orgId)
        .query(Integrations::map)
        .optional();
  }

  /** The workspace's integrations, oldest first. */
  List<Integration> ofOrganization(UUID orgId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM integrations WHERE org_id = :orgId ORDER BY created_at, id")
        .param("orgId", orgId)
        .query(Integrations::map)
        .list();
  }

  boolean delete(UUID id, Collection<UUID> orgIds) {
    if (orgIds.isEmpty()) {
      return false;
    }
    return jdbc.sql("DELETE FROM integrations WHERE id = :id AND org_id IN (:orgIds)")
            .param("id", id)
            .param("orgIds", orgIds)
            .update()
        == 1;
  }

  /**
   * Records how a sync ended. A failed sync keeps the count of the last successful one.
   *
   * @return false if the integration was disconnected meanwhile
   */
  boolean recordOutcome(
      UUID id,
      UUID orgId,
      Instant at,
      String status,
      @Nullable String error,
      @Nullable Integer recordsSynced) {
    return jdbc.sql(
                """
                UPDATE integrations
                SET last_synced_at = :at, last_status = :status, last_error = :error,
                    records_synced = coalesce(:records, records_synced), updated_at = :at,
                    version = version + 1
                WHERE id = :id AND org_id = :orgId
                """)
            .param("id", id)
            .param("orgId", orgId)
            .param("at", at.atOffset(ZoneOffset.UTC))
            .param("status", status)
            .param("error", error)
            .param("records", recordsSynced, Types.INTEGER)
            .update()
        == 1;
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Integration map(ResultSet rs, int row) throws SQLException {
    String baseUrl = rs.getString("base_url");
    return new Integration(
        rs.getObject("id", UUID.class),
        rs.getObject("org_id", UUID.class),
        Provider.fromId(rs.getString("provider")).orElseThrow(),
        rs.getString("name"),
        baseUrl == null ? null : URI.create(baseUrl),
        rs.getString("access_token"),
        rs.getBoolean("sync_contacts"),
        rs.getBoolean("sync_deals"),
        rs.getString("default_currency"),
        instant(rs, "last_synced_at"),
        rs.getString("last_status"),
        rs.getString("last_error"),
        rs.getInt("records_synced"),
        rs.getObject("connected_by", UUID.class),
        Objects.requireNonNull(instant(rs, "created_at")),
        Objects.requireNonNull(instant(rs, "updated_at")),
        rs.getLong("version"));
  }
}
