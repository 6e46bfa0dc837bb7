package io.dealflow.platform.events;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The platform's event tables ({@code dealflow_events} schema), migrated by a Flyway of their own
 * with its own history table, independent of the service's migrations.
 */
final class EventsSchema {

  static final String SCHEMA = "dealflow_events";

  EventsSchema(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .schemas(SCHEMA)
        .createSchemas(true)
        .locations("classpath:db/dealflow-events")
        .load()
        .migrate();
  }
}
