package io.dealflow.identity.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code organizations} table. */
@Repository
class Organizations {

  private static final String COLUMNS = "id, name, plan, created_at, updated_at";

  private final JdbcClient jdbc;

  Organizations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(OrganizationId id, String name) {
    jdbc.sql("INSERT INTO organizations (id, name) VALUES (:id, :name)")
        .param("id", id.value())
        .param("name", name)
        .update();
  }

  /** Creates the organization, or renames it if it exists under another name. */
  void upsert(OrganizationId id, String name) {
    jdbc.sql(
            """
            INSERT INTO organizations (id, name) VALUES (:id, :name)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, updated_at = now()
              WHERE organizations.name <> excluded.name
            """)
        .param("id", id.value())
        .param("name", name)
        .update();
  }

  Optional<Organization> find(OrganizationId id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM organizations WHERE id = :id")
        .param("id", id.value())
        .query(Organizations::map)
        .optional();
  }

  List<Organization> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM organizations WHERE id IN (:ids)")
        .param("ids", ids)
        .query(Organizations::map)
        .list();
  }

  /** Puts the organization on {@code plan}; false if there is no such organization. */
  boolean changePlan(OrganizationId id, String plan) {
    return jdbc.sql("UPDATE organizations SET plan = :plan, updated_at = now() WHERE id = :id")
            .param("id", id.value())
            .param("plan", plan)
            .update()
        == 1;
  }

  /** Locks the organization's row until the transaction ends; false if there is none. */
  boolean lock(OrganizationId id) {
    return jdbc.sql("SELECT id FROM organizations WHERE id = :id FOR UPDATE")
        .param("id", id.value())
        .query(UUID.class)
        .optional()
        .isPresent();
  }

  private static Organization map(ResultSet rs, int row) throws SQLException {
    return new Organization(
        OrganizationId.of(rs.getObject("id", UUID.class)),
        rs.getString("name"),
        rs.getString("plan"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }
}
