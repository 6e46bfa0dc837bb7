package io.dealflow.devstack;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/**
 * A PostgreSQL server and an account on it that may create databases. Each service and each test
 * class gets a database of its own on it, as in production.
 */
public final class Postgres {

  private static final String PREFIX = "jdbc:postgresql:";
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final String DUPLICATE_DATABASE = "42P04";
  private static final String OBJECT_IN_USE = "55006";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String hosts;
  private final String maintenanceDatabase;
  private final String query;
  private final String username;
  private final String password;
  private final Source source;
  private final Set<String> freshDatabases = ConcurrentHashMap.newKeySet();

  /**
   * @param jdbcUrl any JDBC URL of the server; its database is used for administration (CREATE
   *     DATABASE), {@code postgres} when it names none
   */
  public Postgres(String jdbcUrl, String username, String password, Source source) {
    if (!jdbcUrl.startsWith(PREFIX)) {
      throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
    }
    String rest = jdbcUrl.substring(PREFIX.length());
    int question = rest.indexOf('?');
    this.query = question < 0 ? "" : rest.substring(question + 1);
    String location = question < 0 ? rest : rest.substring(0, question);
    if (location.startsWith("//")) {
      String authority = location.substring(2);
      int slash = authority.indexOf('/');
      this.hosts = slash < 0 ? authority : authority.substring(0, slash);
      String database = slash < 0 ? "" : authority.substring(slash + 1);
      this.maintenanceDatabase = database.isEmpty() ? "postgres" : database;
    } else {
      this.hosts = "localhost:5432";
      this.maintenanceDatabase = location.isEmpty() ? "postgres" : location;
    }
    this.username = username;
    this.password = password;
    this.source = source;
  }

  /** The JDBC URL of {@code database} on this server. */
  public String jdbcUrl(String database) {
    return PREFIX + "//" + hosts + "/" + database + (query.isEmpty() ? "" : "?" + query);
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  public Source source() {
    return source;
  }

  /** host:port (or several, comma-separated) as written in the JDBC URL. */
  public String hosts() {
    return hosts;
  }

  public Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", username);
    properties.setProperty("password", password);
    properties.setProperty("connectTimeout", "5");
    properties.setProperty("ApplicationName", "dealflow-devstack");
    // The driver directly, not DriverManager: DriverManager refuses drivers loaded by another
    // class loader, which is what happens inside the launcher's executable jar.
    Connection connection = new Driver().connect(jdbcUrl(database), properties);
    if (connection == null) {
      throw new SQLException("The PostgreSQL driver rejected " + jdbcUrl(database));
    }
    return connection;
  }

  /** Connects to the maintenance database, to tell early whether the server and account work. */
  public void verify() throws SQLException {
    try (Connection connection = connect(maintenanceDatabase)) {
      connection.isValid(5);
    }
  }

  public boolean databaseExists(String name) {
    requireValidName(name);
    try (Connection connection = connect(maintenanceDatabase);
        PreparedStatement statement =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw failure("look up database " + name, e);
    }
  }

  public void createDatabaseIfMissing(String name) {
    requireValidName(name);
    if (databaseExists(name)) {
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = connect(maintenanceDatabase);
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE \"" + name + "\"");
        return;
      } catch (SQLException e) {
        if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
          return;
        }
        // CREATE DATABASE copies template1 and fails while another session uses it, which is
        // what two test JVMs creating databases at the same moment look like.
        if (OBJECT_IN_USE.equals(e.getSQLState()) && attempt < 10) {
          sleep(100L * attempt);
          continue;
        }
        throw failure("create database " + name, e);
      }
    }
  }

  /**
   * Creates a database with a new unique name starting with {@code prefix} (for tests: one per test
   * class) and returns the name. Unless {@code DEALFLOW_KEEP_DATABASES=true}, devstack drops it
   * when the JVM exits.
   */
  public String createFreshDatabase(String prefix) {
    String name = freshName(prefix);
    createDatabaseIfMissing(name);
    freshDatabases.add(name);
    return name;
  }

  public void dropDatabaseIfExists(String name) {
    requireValidName(name);
    try (Connection connection = connect(maintenanceDatabase);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    } catch (SQLException e) {
      throw failure("drop database " + name, e);
    }
  }

  /** Drops the databases {@link #createFreshDatabase} made; called at JVM exit. */
  public void dropFreshDatabases() {
    for (String name : Set.copyOf(freshDatabases)) {
      dropDatabaseIfExists(name);
      freshDatabases.remove(name);
    }
  }

  static String freshName(String prefix) {
    String cleaned = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
    if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) {
      cleaned = "db_" + cleaned;
    }
    if (cleaned.length() > 40) {
      cleaned = cleaned.substring(0, 40);
    }
    byte[] random = new byte[6];
    RANDOM.nextBytes(random);
    return cleaned + "_" + HexFormat.of().formatHex(random);
  }

  private static void requireValidName(String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Database names here are lower-case letters, digits and _ (at most 63): " + name);
    }
  }

  private DevstackException failure(String action, SQLException e) {
    return new DevstackException(
        "PostgreSQL: cannot " + action + " on " + hosts + " as " + username + ": " + e.getMessage(),
        e);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "Postgres[" + jdbcUrl(maintenanceDatabase) + ", user " + username + ", " + source + "]";
  }
}
