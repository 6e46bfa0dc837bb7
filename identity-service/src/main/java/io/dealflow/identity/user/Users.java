package io.dealflow.identity.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. */
@Repository
class Users {

  private static final String COLUMNS =
      "id, email, first_name, last_name, display_name, company, is_active, created_at,"
          + " updated_at, last_login_at, version";

  private final JdbcClient jdbc;

  Users(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(
      UserId id, String email, String firstName, String lastName, @Nullable String company) {
    jdbc.sql(
            """
            INSERT INTO users (id, email, first_name, last_name, company)
            VALUES (:id, :email, :firstName, :lastName, :company)
            """)
        .param("id", id.value())
        .param("email", email)
        .param("firstName", firstName)
        .param("lastName", lastName)
        .param("company", company)
        .update();
  }

  /**
   * Inserts or refreshes a user Keycloak knows, keeping what only the database holds. A row left
   * with the same email under another id (the Keycloak user was recreated) is replaced.
   */
  void upsertFromIdentityProvider(UserId id, String email, String firstName, String lastName) {
    jdbc.sql("DELETE FROM users WHERE lower(email) = lower(:email) AND id <> :id")
        .param("email", email)
        .param("id", id.value())
        .update();
    jdbc.sql(
            """
            INSERT INTO users (id, email, first_name, last_name)
            VALUES (:id, :email, :firstName, :lastName)
            ON CONFLICT (id) DO UPDATE
              SET email = excluded.email,
                  first_name = excluded.first_name,
                  last_name = excluded.last_name,
                  updated_at = now(),
                  version = users.version + 1
              WHERE users.email <> excluded.email
                 OR users.first_name <> excluded.first_name
                 OR users.last_name <> excluded.last_name
            """)
        .param("id", id.value())
        .param("email", email)
        .param("firstName", firstName)
        .param("lastName", lastName)
        .update();
  }

  /** Inserts the user unless its id or email is already there. */
  void insertIfAbsent(UserId id, String email, String firstName, String lastName) {
    jdbc.sql(
            """
            INSERT INTO users (id, email, first_name, last_name)
            VALUES (:id, :email, :firstName, :lastName)
            ON CONFLICT DO NOTHING
            """)
        .param("id", id.value())
        .param("email", email)
        .param("firstName", firstName)
        .param("lastName", lastName)
        .update();
  }

  Optional<User> find(UserId id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
        .param("id", id.value())
        .query(Users::map)
        .optional();
  }

  List<User> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id IN (:ids)")
        .param("ids", ids)
        .query(Users::map)
        .list();
  }

  /** Locks the user's row until the transaction ends. */
  boolean lock(UserId id) {
    return jdbc.sql("SELECT id FROM users WHERE id = :id FOR UPDATE")
        .param("id", id.value())
        .query(UUID.class)
        .optional()
        .isPresent();
  }

  /** Writes the profile fields if nobody changed the row since {@code user} was read. */
  boolean update(User user) {
    return jdbc.sql(
                """
                UPDATE users
                   SET first_name = :firstName, last_name = :lastName,
                       display_name = :displayName, company = :company,
                       updated_at = now(), version = version + 1
                 WHERE id = :id AND version = :version
                """)
            .param("firstName", user.firstName())
            .param("lastName", user.lastName())
            .param("displayName", user.preferredName())
            .param("company", user.company())
            .param("id", user.id().value())
            .param("version", user.version())
            .update()
        == 1;
  }

  void recordLogin(UserId id) {
    jdbc.sql("UPDATE users SET last_login_at = now() WHERE id = :id")
        .param("id", id.value())
        .update();
  }

  private static User map(ResultSet rs, int row) throws SQLException {
    return new User(
        UserId.of(rs.getObject("id", UUID.class)),
        rs.getString("email"),
        rs.getString("first_name"),
        rs.getString("last_name"),
        rs.getString("display_name"),
        rs.getString("company"),
        rs.getBoolean("is_active"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        nullableInstant(rs, "last_login_at"),
        rs.getLong("version"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static @Nullable Instant nullableInstant(ResultSet rs, String column)
      throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
