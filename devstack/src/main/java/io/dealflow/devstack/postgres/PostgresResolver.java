package io.dealflow.devstack.postgres;

import io.dealflow.devstack.DevstackException;
import io.dealflow.devstack.Postgres;
import io.dealflow.devstack.Source;
import io.dealflow.devstack.support.Docker;
import io.dealflow.devstack.support.Probes;
import io.dealflow.devstack.support.Settings;
import io.dealflow.devstack.support.Shutdown;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Resolves PostgreSQL. There is no embedded fallback: embedded PostgreSQL packages run initdb,
 * which refuses to run as root, and a developer's machine or CI often is root.
 */
public final class PostgresResolver {

  public static final String URL = "DEALFLOW_POSTGRES_URL";
  public static final String USER = "DEALFLOW_POSTGRES_USER";
  public static final String PASSWORD = "DEALFLOW_POSTGRES_PASSWORD";
  public static final String KEEP_DATABASES = "DEALFLOW_KEEP_DATABASES";

  static final String LOCAL_HOST = "127.0.0.1";
  static final int LOCAL_PORT = 5432;
  static final String IMAGE = "postgres:17-alpine";

  private static final Logger log = LoggerFactory.getLogger(PostgresResolver.class);

  private PostgresResolver() {}

  public static Postgres resolve(Settings settings) {
    String user = settings.get(USER, "postgres");
    String password = settings.get(PASSWORD, "");
    Postgres postgres = find(settings, user, password);
    if (!settings.flag(KEEP_DATABASES, false) && postgres.source() != Source.CONTAINER) {
      Shutdown.register("fresh PostgreSQL databases", postgres::dropFreshDatabases);
    }
    return postgres;
  }

  private static Postgres find(Settings settings, String user, String password) {
    var configured = settings.get(URL);
    if (configured.isPresent()) {
      Postgres postgres = new Postgres(configured.get(), user, password, Source.CONFIGURED);
      try {
        postgres.verify();
      } catch (SQLException e) {
        throw new DevstackException(
            "PostgreSQL: %s=%s is set, but connecting as %s failed: %s"
                .formatted(URL, configured.get(), user, e.getMessage()),
            e);
      }
      log.info("PostgreSQL: {} as {} (CONFIGURED via {})", postgres.hosts(), user, URL);
      return postgres;
    }

    if (Probes.listening(LOCAL_HOST, LOCAL_PORT)) {
      Postgres postgres =
          new Postgres(
              "jdbc:postgresql://%s:%d/postgres".formatted(LOCAL_HOST, LOCAL_PORT),
              user,
              password,
              Source.LOCAL);
      try {
        postgres.verify();
      } catch (SQLException e) {
        throw new DevstackException(
            ("PostgreSQL: a server listens on %s:%d, but connecting as %s failed: %s. Give devstack"
                    + " an account that may create databases: %s and %s, or %s.")
                .formatted(LOCAL_HOST, LOCAL_PORT, user, e.getMessage(), USER, PASSWORD, URL),
            e);
      }
      log.info("PostgreSQL: local server on {}:{} as {} (LOCAL)", LOCAL_HOST, LOCAL_PORT, user);
      return postgres;
    }

    if (Docker.available(settings)) {
      PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
      container.start();
      Shutdown.register("PostgreSQL container", container::stop);
      Postgres postgres =
          new Postgres(
              container.getJdbcUrl(),
              container.getUsername(),
              container.getPassword(),
              Source.CONTAINER);
      log.info("PostgreSQL: container {} on {} (CONTAINER)", IMAGE, postgres.hosts());
      return postgres;
    }

    throw new DevstackException(
        ("PostgreSQL: nothing at %s (not set), nothing on %s:%d, no Docker. Start one:"
                + " `pg_ctlcluster <version> main start` (Debian/Ubuntu; `apt-get install"
                + " postgresql` if it is not installed), `brew services start postgresql` (macOS),"
                + " or point %s (plus %s/%s) at a server.")
            .formatted(URL, LOCAL_HOST, LOCAL_PORT, URL, USER, PASSWORD));
  }
}
