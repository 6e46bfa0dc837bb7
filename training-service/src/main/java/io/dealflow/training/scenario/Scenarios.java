package io.dealflow.training.scenario;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code scenarios} table: organizations' own scenarios. Every query names its organization.
 */
@Repository
class Scenarios {

  private static final String COLUMNS =
      """
      id, org_id, title, description, category, difficulty, estimated_duration, objectives,
      coaching_points, prospect_persona, conversation_flow, origin, is_active, created_by,
      created_at, updated_at, version
      """;

  private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  Scenarios(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(Scenario scenario) {
    jdbc.sql(
            """
            INSERT INTO scenarios (%s)
            VALUES (:id, :orgId, :title, :description, :category, :difficulty, :duration,
                    CAST(:objectives AS jsonb), CAST(:coachingPoints AS jsonb),
                    CAST(:persona AS jsonb), CAST(:flow AS jsonb), :origin, :active, :createdBy,
                    :createdAt, :updatedAt, :version)
            """
                .formatted(COLUMNS))
        .paramSource(params(scenario))
        .update();
  }

  /** Writes a revision; false when another writer changed the scenario first. */
  boolean update(Scenario scenario) {
    return jdbc.sql(
                """
                UPDATE scenarios
                SET title = :title, description = :description, category = :category,
                    difficulty = :difficulty, estimated_duration = :duration,
                    objectives = CAST(:objectives AS jsonb),
                    coaching_points = CAST(:coachingPoints AS jsonb),
                    prospect_persona = CAST(:persona AS jsonb),
                    conversation_flow = CAST(:flow AS jsonb), is_active = :active,
                    updated_at = :updatedAt, version = :version
                WHERE id = :id AND org_id = :orgId AND version = :version - 1
                """)
            .paramSource(params(scenario))
            .update()
        == 1;
  }

  Optional<Scenario> find(UUID orgId, UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM scenarios WHERE id = :id AND org_id = :orgId")
        .param("id", id)
        .param("orgId", orgId)
        .query(this::map)
        .optional();
  }

  /** The organization's active scenarios, oldest first, filtered when a filter is given. */
  List<Scenario> active(UUID orgId, @Nullable String category, @Nullable String difficulty) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM scenarios
                WHERE org_id = :orgId AND is_active
                  AND (CAST(:category AS varchar) IS NULL OR category = :category)
                  AND (CAST(:difficulty AS varchar) IS NULL OR difficulty = :difficulty)
                ORDER BY created_at, id
                """)
        .param("orgId", orgId)
        .param("category", category)
        .param("difficulty", difficulty)
        .query(this::map)
        .list();
  }

  private MapSqlParameterSource params(Scenario scenario) {
    return new MapSqlParameterSource()
        .addValue("id", scenario.id())
        .addValue("orgId", scenario.orgId())
        .addValue("title", scenario.title())
        .addValue("description", scenario.description())
        .addValue("category", scenario.category())
        .addValue("difficulty", scenario.difficulty())
        .addValue("duration", scenario.estimatedDuration())
        .addValue("objectives", json.writeValueAsString(scenario.objectives()))
        .addValue("coachingPoints", json.writeValueAsString(scenario.coachingPoints()))
        .addValue("persona", json.writeValueAsString(scenario.persona()))
        .addValue("flow", json.writeValueAsString(scenario.flow()))
        .addValue("origin", scenario.origin().id())
        .addValue("active", scenario.active())
        .addValue("createdBy", scenario.createdBy())
        .addValue("createdAt", Timestamp.from(scenario.createdAt()))
        .addValue("updatedAt", Timestamp.from(scenario.updatedAt()))
        .addValue("version", scenario.version());
  }

  private Scenario map(ResultSet rs, int row) throws SQLException {
    return new Scenario(
        rs.getObject("id", UUID.class),
        rs.getObject("org_id", UUID.class),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("category"),
        rs.getString("difficulty"),
        rs.getInt("estimated_duration"),
        json.readValue(rs.getString("objectives"), TEXTS),
        json.readValue(rs.getString("coaching_points"), TEXTS),
        json.readValue(rs.getString("prospect_persona"), ProspectPersona.class),
        json.readValue(rs.getString("conversation_flow"), ConversationFlow.class),
        ScenarioOrigin.valueOf(rs.getString("origin").toUpperCase(Locale.ROOT)),
        rs.getBoolean("is_active"),
        rs.getObject("created_by", UUID.class),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getInt("version"));
  }
}
