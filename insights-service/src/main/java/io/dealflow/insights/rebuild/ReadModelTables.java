package io.dealflow.insights.rebuild;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read model's tables as a rebuild sees them: emptied before the topics are replayed, and the
 * one-row claim that keeps two rebuilds from running at once.
 */
@Repository
class ReadModelTables {

  /** What a rebuild empties: everything the consumers write, but the insights raised. */
  static final String TABLES =
      "pipeline_deals, pipeline_stage_entries, activity_leads, activity_training,"
          + " activity_integrations, activity_escalations";

  private final JdbcClient jdbc;

  ReadModelTables(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims the rebuild for {@code instance}; false when another one runs (for under an hour). */
  boolean claim(String instance) {
    return jdbc.sql(
                """
                UPDATE read_model_rebuilds SET running_since = now(), started_by = :instance
                WHERE id = 1 AND (running_since IS NULL OR running_since < now() - interval '1 hour')
                """)
            .param("instance", instance)
            .update()
        == 1;
  }

  void release(String reportJson) {
    jdbc.sql(
            """
            UPDATE read_model_rebuilds
            SET running_since = NULL, finished_at = now(), report = CAST(:report AS jsonb)
            WHERE id = 1
            """)
        .param("report", reportJson)
        .update();
  }

  void clear() {
    jdbc.sql("TRUNCATE " + TABLES).update();
  }

  /** The claim and the last run's report, as stored. */
  record State(
      @Nullable String runningSince,
      @Nullable String startedBy,
      @Nullable String finishedAt,
      @Nullable String report) {}

  Optional<State> state() {
    return jdbc.sql(
            """
            SELECT running_since::text, started_by, finished_at::text, report::text
            FROM read_model_rebuilds WHERE id = 1
            """)
        .query(
            (rs, row) ->
                new State(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
  }
}
