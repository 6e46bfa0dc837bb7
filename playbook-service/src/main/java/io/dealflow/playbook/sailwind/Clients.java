package io.dealflow.playbook.sailwind;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code clients} table. Every query names its organization. */
@Repository
class Clients {

  private static final String COLUMNS =
      "id, org_id, name, industry, client_archetype_id, archived, created_at, updated_at";

  private final JdbcClient jdbc;

  Clients(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the client (or, with {@code ifAbsent}, not if its id exists); true if inserted. */
  boolean insert(Client client, boolean ifAbsent) {
    return bind(
                jdbc.sql(
                    """
                    INSERT INTO clients (%s)
                    VALUES (:id, :orgId, :name, :industry, :archetypeId, :archived, :createdAt,
                            :updatedAt)
                    """
                            .formatted(COLUMNS)
                        + (ifAbsent ? " ON CONFLICT (id) DO NOTHING" : "")),
                client)
            .update()
        == 1;
  }

  void update(Client client) {
    bind(
            jdbc.sql(
                """
                UPDATE clients SET name = :name, industry = :industry,
                       client_archetype_id = :archetypeId, archived = :archived,
                       updated_at = :updatedAt
                WHERE id = :id AND org_id = :orgId
                """),
            client)
        .update();
  }

  /** The client, locked until the transaction ends when {@code lock}. */
  Optional<Client> find(UUID orgId, UUID id, boolean lock) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM clients WHERE id = :id AND org_id = :orgId"
                + (lock ? " FOR UPDATE" : ""))
        .param("id", id)
        .param("orgId", orgId)
        .query(Clients::map)
        .optional();
  }

  /** The organization's clients, oldest first. */
  List<Client> list(UUID orgId, boolean includeArchived) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM clients WHERE org_id = :orgId"
                + (includeArchived ? "" : " AND NOT archived")
                + " ORDER BY created_at, id")
        .param("orgId", orgId)
        .query(Clients::map)
        .list();
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Client client) {
    return statement
        .param("id", client.id())
        .param("orgId", client.orgId())
        .param("name", client.name())
        .param("industry", client.industry())
        .param("archetypeId", client.clientArchetypeId())
        .param("archived", client.archived())
        .param("createdAt", Rows.timestamp(client.createdAt()))
        .param("updatedAt", Rows.timestamp(client.updatedAt()));
  }

  private static Client map(ResultSet rs, int row) throws SQLException {
    return new Client(
        Rows.uuid(rs, "id"),
        Rows.uuid(rs, "org_id"),
        rs.getString("name"),
        rs.getString("industry"),
        Rows.optionalUuid(rs, "client_archetype_id"),
        rs.getBoolean("archived"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"));
  }
}
