package io.dealflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresIT {

  private final Postgres postgres = Devstack.postgres();

  @Test
  void freshDatabaseIsUsable() throws SQLException {
    String database = postgres.createFreshDatabase("postgres_it");

    try (Connection connection = postgres.connect(database);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select 1, current_database()")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(1);
      assertThat(rows.getString(2)).isEqualTo(database);
    }
    assertThat(postgres.jdbcUrl(database)).endsWith("/" + database);
  }

  @Test
  void everyCallGivesANewDatabase() {
    assertThat(postgres.createFreshDatabase("postgres_it"))
        .isNotEqualTo(postgres.createFreshDatabase("postgres_it"));
  }

  @Test
  void creatingAnExistingDatabaseChangesNothing() {
    String database = postgres.createFreshDatabase("postgres_it");

    postgres.createDatabaseIfMissing(database);

    assertThat(postgres.databaseExists(database)).isTrue();
  }

  @Test
  void droppedDatabaseIsGone() {
    String database = postgres.createFreshDatabase("postgres_it");

    postgres.dropDatabaseIfExists(database);

    assertThat(postgres.databaseExists(database)).isFalse();
  }
}
