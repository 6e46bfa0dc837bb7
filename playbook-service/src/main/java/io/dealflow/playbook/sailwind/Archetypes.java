package io.dealflow.playbook.sailwind;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code archetypes} table (client and product archetypes). Every query names its org. */
@Repository
class Archetypes {

  private static final String COLUMNS =
      "id, org_id, kind, name, description, created_at, updated_at";

  private final JdbcClient jdbc;

  Archetypes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the archetype unless one with its id exists; true if it was inserted. */
  boolean insert(Archetype archetype, @Nullable UUID createdBy, boolean ifAbsent) {
    return jdbc.sql(
                """
                INSERT INTO archetypes (id, org_id, kind, name, description, created_by,
                                        created_at, updated_at)
                VALUES (:id, :orgId, :kind, :name, :description, :createdBy, :createdAt,
                        :updatedAt)
                """
                    + (ifAbsent ? " ON CONFLICT (id) DO NOTHING" : ""))
            .param("id", archetype.id())
            .param("orgId", archetype.orgId())
            .param("kind", archetype.kind().id())
            .param("name", archetype.name())
            .param("description", archetype.description())
            .param("createdBy", createdBy)
            .param("createdAt", Rows.timestamp(archetype.createdAt()))
            .param("updatedAt", Rows.timestamp(archetype.updatedAt()))
            .update()
        == 1;
  }

  /** The organization's archetypes of one kind, oldest first. */
  List<Archetype> list(UUID orgId, ArchetypeKind kind) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM archetypes WHERE org_id = :orgId AND kind = :kind"
                + " ORDER BY created_at, id")
        .param("orgId", orgId)
        .param("kind", kind.id())
        .query(Archetypes::map)
        .list();
  }

  Optional<Archetype> find(UUID orgId, ArchetypeKind kind, UUID id) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM archetypes WHERE id = :id AND org_id = :orgId AND kind = :kind")
        .param("id", id)
        .param("orgId", orgId)
        .param("kind", kind.id())
        .query(Archetypes::map)
        .optional();
  }

  private static Archetype map(ResultSet rs, int row) throws SQLException {
    return new Archetype(
        Rows.uuid(rs, "id"),
        Rows.uuid(rs, "org_id"),
        ArchetypeKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
        rs.getString("name"),
        rs.getString("description"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"));
  }
}
