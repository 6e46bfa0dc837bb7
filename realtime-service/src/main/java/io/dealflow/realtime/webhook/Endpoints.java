package io.dealflow.realtime.webhook;

import io.dealflow.platform.secret.SecretBox;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook endpoints; every read and write of an organization's endpoint names its org id. The
 * signing secrets are sealed ({@link SecretBox}, bound to their endpoint) on the way in and opened
 * on the way out: the table never holds one as issued.
 */
@Repository
class Endpoints {

  private final JdbcClient jdbc;
  private final SecretBox secrets;

  Endpoints(JdbcClient jdbc, SecretBox secrets) {
    this.jdbc = jdbc;
    this.secrets = secrets;
  }

  void insert(Endpoint endpoint) {
    jdbc.sql(
            """
            INSERT INTO webhook_endpoint (id, org_id, url, events, description, enabled, secret,
                                          created_at, updated_at)
            VALUES (:id, :orgId, :url, :events, :description, :enabled, :secret, :now, :now)
            """)
        .param("id", endpoint.id())
        .param("orgId", endpoint.orgId())
        .param("url", endpoint.url())
        .param("events", endpoint.events().toArray(String[]::new))
        .param("description", endpoint.description())
        .param("enabled", endpoint.enabled())
        .param("secret", secrets.seal(endpoint.id(), endpoint.secret()))
        .param("now", Timestamp.from(endpoint.createdAt()))
        .update();
  }

  Optional<Endpoint> find(UUID orgId, UUID id) {
    return jdbc.sql("SELECT * FROM webhook_endpoint WHERE org_id = :orgId AND id = :id")
        .param("orgId", orgId)
        .param("id", id)
        .query(this::map)
        .optional();
  }

  /** For the delivery worker, which works across organizations. */
  Optional<Endpoint> find(UUID id) {
    return jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = :id")
        .param("id", id)
        .query(this::map)
        .optional();
  }

  List<Endpoint> page(UUID orgId, int limit, int offset) {
    return jdbc.sql(
            """
            SELECT * FROM webhook_endpoint WHERE org_id = :orgId
            ORDER BY created_at, id LIMIT :limit OFFSET :offset
            """)
        .param("orgId", orgId)
        .param("limit", limit)
        .param("offset", offset)
        .query(this::map)
        .list();
  }

  long count(UUID orgId) {
    return jdbc.sql("SELECT count(*) FROM webhook_endpoint WHERE org_id = :orgId")
        .param("orgId", orgId)
        .query(Long.class)
        .single();
  }

  List<Endpoint> enabled(UUID orgId) {
    return jdbc.sql("SELECT * FROM webhook_endpoint WHERE org_id = :orgId AND enabled")
        .param("orgId", orgId)
        .query(this::map)
        .list();
  }

  /** Saves what the API may change; enabling again clears why it was disabled. */
  void update(Endpoint endpoint, Instant now) {
    jdbc.sql(
            """
            UPDATE webhook_endpoint
            SET url = :url, events = :events, description = :description, enabled = :enabled,
                disabled_reason = CASE WHEN :enabled THEN NULL ELSE disabled_reason END,
                disabled_at = CASE WHEN :enabled THEN NULL ELSE disabled_at END,
                failing_since = CASE WHEN :enabled AND NOT enabled THEN NULL ELSE failing_since END,
                updated_at = :now
            WHERE org_id = :orgId AND id = :id
            """)
        .param("url", endpoint.url())
        .param("events", endpoint.events().toArray(String[]::new))
        .param("description", endpoint.description())
        .param("enabled", endpoint.enabled())
        .param("now", Timestamp.from(now))
        .param("orgId", endpoint.orgId())
        .param("id", endpoint.id())
        .update();
  }

  void rotateSecret(UUID orgId, UUID id, String secret, Instant previousExpiresAt, Instant now) {
    jdbc.sql(
            """
            UPDATE webhook_endpoint
            SET previous_secret = secret, previous_secret_expires_at = :expires,
                secret = :secret, updated_at = :now
            WHERE org_id = :orgId AND id = :id
            """)
        .param("expires", Timestamp.from(previousExpiresAt))
        .param("secret", secrets.seal(id, secret))
        .param("now", Timestamp.from(now))
        .param("orgId", orgId)
        .param("id", id)
        .update();
  }

  boolean delete(UUID orgId, UUID id) {
    return jdbc.sql("DELETE FROM webhook_endpoint WHERE org_id = :orgId AND id = :id")
            .param("orgId", orgId)
            .param("id", id)
            .update()
        == 1;
  }

  void succeeded(UUID id) {
    jdbc.sql("UPDATE webhook_endpoint SET failing_since = NULL WHERE id = :id")
        .param("id", id)
        .update();
  }

  /** Marks the endpoint failing since {@code now} unless it already was; answers since when. */
  Instant failing(UUID id, Instant now) {
    return jdbc.sql(
            """
            UPDATE webhook_endpoint SET failing_since = coalesce(failing_since, :now)
            WHERE id = :id RETURNING failing_since
            """)
        .param("now", Timestamp.from(now))
        .param("id", id)
        .query(Timestamp.class)
        .optional()
        .map(Timestamp::toInstant)
        .orElse(now);
  }

  /** Disables an enabled endpoint; false when it was disabled already. */
  boolean disable(UUID id, String reason, Instant now) {
    return jdbc.sql(
                """
            UPDATE webhook_endpoint
            SET enabled = false, disabled_reason = :reason, disabled_at = :now, updated_at = :now
            WHERE id = :id AND enabled
            """)
            .param("reason", reason)
            .param("now", Timestamp.from(now))
            .param("id", id)
            .update()
        == 1;
  }

  private Endpoint map(ResultSet rs, int row) throws SQLException {
    Array events = rs.getArray("events");
    UUID id = rs.getObject("id", UUID.class);
    String previousSecret = rs.getString("previous_secret");
    return new Endpoint(
        id,
        rs.getObject("org_id", UUID.class),
        rs.getString("url"),
        Arrays.asList((String[]) events.getArray()),
        rs.getString("description"),
        rs.getBoolean("enabled"),
        secrets.open(id, rs.getString("secret")),
        previousSecret == null ? null : secrets.open(id, previousSecret),
        instant(rs.getTimestamp("previous_secret_expires_at")),
        instant(rs.getTimestamp("failing_since")),
        rs.getString("disabled_reason"),
        instant(rs.getTimestamp("disabled_at")),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
