package io.dealflow.identity.apitoken;

import io.dealflow.platform.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_tokens} table. Every query but the lookup by hash names the organization. */
@Repository
class IssuedTokens {

  private static final String COLUMNS =
      "t.id, t.org_id, t.name, t.role, t.token_prefix, t.created_by, t.created_at, t.expires_at,"
          + " t.last_used_at, t.revoked_at";

  /** A token found by its hash, with its organization's plan. */
  record Found(ApiToken token, String plan) {}

  private final JdbcClient jdbc;

  IssuedTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ApiToken token, String hash) {
    jdbc.sql(
            """
            INSERT INTO api_tokens (id, org_id, name, role, token_hash, token_prefix, created_by,
                                    created_at, expires_at)
            VALUES (:id, :orgId, :name, :role, :hash, :prefix, :createdBy, :createdAt, :expiresAt)
            """)
        .param("id", token.id())
        .param("orgId", token.orgId())
        .param("name", token.name())
        .param("role", token.role().id())
        .param("hash", hash)
        .param("prefix", token.prefix())
        .param("createdBy", token.createdBy())
        .param("createdAt", utc(token.createdAt()))
        .param("expiresAt", utc(token.expiresAt()))
        .update();
  }

  /** Locks the organization's row until the transaction ends, so counts stay true. */
  void lockOrganization(UUID orgId) {
    jdbc.sql("SELECT id FROM organizations WHERE id = :orgId FOR UPDATE")
        .param("orgId", orgId)
        .query(UUID.class)
        .optional();
  }

  Optional<Found> findByHash(String hash) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + ", o.plan FROM api_tokens t JOIN organizations o ON o.id = t.org_id"
                + " WHERE t.token_hash = :hash")
        .param("hash", hash)
        .query((rs, row) -> new Found(map(rs, row), rs.getString("plan")))
        .optional();
  }

  Optional<ApiToken> find(UUID orgId, UUID id) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM api_tokens t WHERE t.org_id = :orgId AND t.id = :id")
        .param("orgId", orgId)
        .param("id", id)
        .query(IssuedTokens::map)
        .optional();
  }

  /** Newest first. */
  List<ApiToken> list(UUID orgId, int limit, long offset) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM api_tokens t WHERE t.org_id = :orgId"
                + " ORDER BY t.created_at DESC, t.id LIMIT :limit OFFSET :offset")
        .param("orgId", orgId)
        .param("limit", limit)
        .param("offset", offset)
        .query(IssuedTokens::map)
        .list();
  }

  long count(UUID orgId) {
    return jdbc.sql("SELECT count(*) FROM api_tokens WHERE org_id = :orgId")
        .param("orgId", orgId)
        .query(Long.class)
        .single();
  }

  /** Tokens that still work: not revoked, not past their end. */
  long countActive(UUID orgId, Instant now) {
    return jdbc.sql(
            """
            SELECT count(*) FROM api_tokens
             WHERE org_id = :orgId AND revoked_at IS NULL
               AND (expires_at IS NULL OR expires_at > :now)
            """)
        .param("orgId", orgId)
        .param("now", utc(now))
        .query(Long.class)
        .single();
  }

  /** Revokes the token unless it already is; false when nothing changed. */
  boolean revoke(UUID orgId, UUID id, Instant now) {
    return jdbc.sql(
                "UPDATE api_tokens SET revoked_at = :now"
                    + " WHERE org_id = :orgId AND id = :id AND revoked_at IS NULL")
            .param("orgId", orgId)
            .param("id", id)
            .param("now", utc(now))
            .update()
        == 1;
  }

  /**
   * Records a use. At most one write a minute per token: calls are checked again and again, and
   * "last used" is read by people.
   */
  void touch(UUID id, Instant now) {
    jdbc.sql(
            """
            UPDATE api_tokens SET last_used_at = :now
             WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :now - interval '1 minute')
            """)
        .param("id", id)
        .param("now", utc(now))
        .update();
  }

  private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static ApiToken map(ResultSet rs, int row) throws SQLException {
    return new ApiToken(
        rs.getObject("id", UUID.class),
        rs.getObject("org_id", UUID.class),
        rs.getString("name"),
        Role.fromId(rs.getString("role")).orElseThrow(),
        rs.getString("token_prefix"),
        rs.getObject("created_by", UUID.class),
        instant(rs, "created_at"),
        instant(rs, "expires_at"),
        instant(rs, "last_used_at"),
        instant(rs, "revoked_at"));
  }
}
