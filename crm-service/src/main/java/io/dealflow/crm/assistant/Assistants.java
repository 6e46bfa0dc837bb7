package io.dealflow.crm.assistant;

import io.dealflow.crm.jsonapi.JsonObjects;
import io.dealflow.crm.jsonapi.OrgScopedTable;
import io.dealflow.crm.jsonapi.OrgScopedTable.Sql;
import io.dealflow.crm.jsonapi.PageRequest;
import io.dealflow.crm.jsonapi.Sort;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code assistants} table; every statement is scoped to one organization. */
@Repository
class Assistants {

  private static final String COLUMNS =
      "id, org_id, user_id, name, tone, role, script, voice_settings, created_at, updated_at";

  private static final OrgScopedTable TABLE = new OrgScopedTable("assistants", COLUMNS);

  private final JdbcClient jdbc;

  Assistants(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Assistant insert(Assistant assistant) {
    return jdbc.sql(
            """
            INSERT INTO assistants (id, org_id, user_id, name, tone, role, script, voice_settings)
            VALUES (:id, :orgId, :userId, :name, :tone, :role, :script,
                    CAST(:voiceSettings AS jsonb))
            RETURNING\s"""
                + COLUMNS)
        .params(values(assistant))
        .query(Assistants::map)
        .single();
  }

  Assistant update(Assistant assistant) {
    return jdbc.sql(
            """
            UPDATE assistants
               SET name = :name, tone = :tone, role = :role, script = :script,
                   voice_settings = CAST(:voiceSettings AS jsonb), updated_at = now()
             WHERE org_id = :orgId AND id = :id
            RETURNING\s"""
                + COLUMNS)
        .params(values(assistant))
        .query(Assistants::map)
        .single();
  }

  Optional<Assistant> find(UUID orgId, UUID id) {
    return jdbc.sql(TABLE.selectById())
        .param("orgId", orgId)
        .param("id", id)
        .query(Assistants::map)
        .optional();
  }

  /** Locks the assistant's row until the transaction ends. */
  Optional<Assistant> lock(UUID orgId, UUID id) {
    return jdbc.sql(TABLE.lockById())
        .param("orgId", orgId)
        .param("id", id)
        .query(Assistants::map)
        .optional();
  }

  boolean exists(UUID orgId, UUID id) {
    return jdbc.sql(TABLE.countById())
            .param("orgId", orgId)
            .param("id", id)
            .query(Long.class)
            .single()
        > 0;
  }

  List<Assistant> page(UUID orgId, Sort sort, PageRequest page) {
    Sql select = TABLE.where(orgId).page(sort, page);
    return jdbc.sql(select.text()).params(select.params()).query(Assistants::map).list();
  }

  long count(UUID orgId) {
    Sql count = TABLE.where(orgId).count();
    return jdbc.sql(count.text()).params(count.params()).query(Long.class).single();
  }

  boolean delete(UUID orgId, UUID id) {
    return jdbc.sql(TABLE.deleteById()).param("orgId", orgId).param("id", id).update() > 0;
  }

  private static Map<String, Object> values(Assistant assistant) {
    VoiceSettings voice = assistant.voiceSettings();
    Map<String, Object> values = new HashMap<>();
    values.put("id", assistant.id());
    values.put("orgId", assistant.orgId());
    values.put("userId", assistant.userId());
    values.put("name", assistant.name());
    values.put("tone", assistant.tone());
    values.put("role", assistant.role());
    values.put("script", assistant.script());
    values.put("voiceSettings", voice == null ? null : JsonObjects.write(voice));
    return values;
  }

  private static Assistant map(ResultSet rs, int row) throws SQLException {
    String voice = rs.getString("voice_settings");
    return new Assistant(
        rs.getObject("id", UUID.class),
        rs.getObject("org_id", UUID.class),
        rs.getObject("user_id", UUID.class),
        rs.getString("name"),
        rs.getString("tone"),
        rs.getString("role"),
        rs.getString("script"),
        voice == null ? null : JsonObjects.read(voice, VoiceSettings.class),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }
}
