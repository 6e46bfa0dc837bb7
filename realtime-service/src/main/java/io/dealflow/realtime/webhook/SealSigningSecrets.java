package io.dealflow.realtime.webhook;

import io.dealflow.platform.secret.SecretBox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;

/**
 * Migration V2: seals the signing secrets that V1-era code stored as issued, current and previous,
 * with the service's key. A Java migration because only the service has the key; Flyway runs it
 * once, in its transaction and under its lock, before the service serves, so two instances starting
 * together do not both seal a row. A value already sealed is left as it is.
 */
final class SealSigningSecrets implements JavaMigration {

  private final SecretBox secrets;

  SealSigningSecrets(SecretBox secrets) {
    this.secrets = secrets;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("2");
  }

  @Override
  public String getDescription() {
    return "seal signing secrets";
  }

  @Override
  public @Nullable Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (PreparedStatement select =
            connection.prepareStatement(
                """
                SELECT id, secret, previous_secret FROM webhook_endpoint
                WHERE secret NOT LIKE 'v1:%' OR previous_secret NOT LIKE 'v1:%'
                FOR UPDATE
                """);
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE webhook_endpoint SET secret = ?, previous_secret = ? WHERE id = ?");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        UUID id = rows.getObject("id", UUID.class);
        update.setString(1, sealed(id, rows.getString("secret")));
        update.setString(2, sealed(id, rows.getString("previous_secret")));
        update.setObject(3, id);
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  private @Nullable String sealed(UUID id, @Nullable String stored) {
    if (stored == null || SecretBox.isSealed(stored)) {
      return stored;
    }
    return secrets.seal(id, stored);
  }
}
