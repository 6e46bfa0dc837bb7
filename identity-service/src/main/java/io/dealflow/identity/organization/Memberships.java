package io.dealflow.identity.organization;

import io.dealflow.identity.user.UserId;
import io.dealflow.platform.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code memberships} table. */
@Repository
class Memberships {

  private static final String COLUMNS = "org_id, user_id, role, created_at";

  private final JdbcClient jdbc;

  Memberships(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(OrganizationId org, UserId user, Role role) {
    jdbc.sql("INSERT INTO memberships (org_id, user_id, role) VALUES (:org, :user, :role)")
        .param("org", org.value())
        .param("user", user.value())
        .param("role", role.id())
        .update();
  }

  /** Adds the membership, or sets its role if it exists. */
  void upsert(OrganizationId org, UserId user, Role role) {
    jdbc.sql(
            """
            INSERT INTO memberships (org_id, user_id, role) VALUES (:org, :user, :role)
            ON CONFLICT (org_id, user_id) DO UPDATE SET role = excluded.role
              WHERE memberships.role <> excluded.role
            """)
        .param("org", org.value())
        .param("user", user.value())
        .param("role", role.id())
        .update();
  }

  Optional<Membership> find(OrganizationId org, UserId user) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM memberships WHERE org_id = :org AND user_id = :user")
        .param("org", org.value())
        .param("user", user.value())
        .query(Memberships::map)
        .optional();
  }

  /** The user's memberships, oldest first: the first is the user's default organization. */
  List<Membership> ofUser(UserId user) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM memberships WHERE user_id = :user ORDER BY created_at, org_id")
        .param("user", user.value())
        .query(Memberships::map)
        .list();
  }

  List<Membership> ofUser(UserId user, int limit, int offset) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM memberships WHERE user_id = :user ORDER BY created_at, org_id"
                + " LIMIT :limit OFFSET :offset")
        .param("user", user.value())
        .param("limit", limit)
        .param("offset", offset)
        .query(Memberships::map)
        .list();
  }

  long countOfUser(UserId user) {
    return jdbc.sql("SELECT count(*) FROM memberships WHERE user_id = :user")
        .param("user", user.value())
        .query(Long.class)
        .single();
  }

  List<Membership> ofOrganization(OrganizationId org, int limit, int offset) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM memberships WHERE org_id = :org ORDER BY created_at, user_id"
                + " LIMIT :limit OFFSET :offset")
        .param("org", org.value())
        .param("limit", limit)
        .param("offset", offset)
        .query(Memberships::map)
        .list();
  }

  long countOfOrganization(OrganizationId org) {
    return jdbc.sql("SELECT count(*) FROM memberships WHERE org_id = :org")
        .param("org", org.value())
        .query(Long.class)
        .single();
  }

  long countWithRole(OrganizationId org, Role role) {
    return jdbc.sql("SELECT count(*) FROM memberships WHERE org_id = :org AND role = :role")
        .param("org", org.value())
        .param("role", role.id())
        .query(Long.class)
        .single();
  }

  /**
   * The target's membership in an organization the viewer also belongs to, preferring {@code
   * preferred}; empty when they share none.
   */
  Optional<Membership> shared(UserId viewer, UserId target, @Nullable OrganizationId preferred) {
    return jdbc.sql(
            """
            SELECT t.org_id, t.user_id, t.role, t.created_at
              FROM memberships t
              JOIN memberships v ON v.org_id = t.org_id AND v.user_id = :viewer
             WHERE t.user_id = :target
             ORDER BY (t.org_id = :preferred) DESC, t.created_at, t.org_id
             LIMIT 1
            """)
        .param("viewer", viewer.value())
        .param("target", target.value())
        .param("preferred", preferred == null ? null : preferred.value(), Types.OTHER)
        .query(Memberships::map)
        .optional();
  }

  void updateRole(OrganizationId org, UserId user, Role role) {
    jdbc.sql("UPDATE memberships SET role = :role WHERE org_id = :org AND user_id = :user")
        .param("role", role.id())
        .param("org", org.value())
        .param("user", user.value())
        .update();
  }

  private static Membership map(ResultSet rs, int row) throws SQLException {
    return new Membership(
        OrganizationId.of(rs.getObject("org_id", UUID.class)),
        UserId.of(rs.getObject("user_id", UUID.class)),
        Role.fromId(rs.getString("role")).orElseThrow(),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
