package io.dealflow.devstack;

import io.dealflow.devstack.kafka.KafkaResolver;
import io.dealflow.devstack.keycloak.KeycloakResolver;
import io.dealflow.devstack.postgres.PostgresResolver;
import io.dealflow.devstack.redis.RedisResolver;
import io.dealflow.devstack.support.Once;
import io.dealflow.devstack.support.Settings;
import io.dealflow.devstack.support.Workspace;
import java.nio.file.Path;

/**
 * The infrastructure of this JVM. Each component is resolved on first use, once, by the same rules
 * for {@code ./run} and for tests:
 *
 * <ol>
 *   <li>an explicitly configured address ({@code DEALFLOW_POSTGRES_URL}, {@code
 *       DEALFLOW_REDIS_URL}, {@code DEALFLOW_KAFKA_BOOTSTRAP}, {@code DEALFLOW_KEYCLOAK_URL});
 *   <li>a server already listening on the default local port;
 *   <li>a Testcontainers container when Docker runs;
 *   <li>an embedded one where possible (Kafka in this JVM, Keycloak as a child process), else an
 *       error that says what is missing and how to start it.
 * </ol>
 *
 * What devstack starts stops when the JVM exits.
 */
public final class Devstack {

  private static final Settings SETTINGS = Settings.system();
  private static final Once<Path> STATE_DIR = new Once<>(() -> Workspace.stateDir(SETTINGS));
  private static final Once<Postgres> POSTGRES =
      new Once<>(() -> PostgresResolver.resolve(SETTINGS));
  private static final Once<Redis> REDIS = new Once<>(() -> RedisResolver.resolve(SETTINGS));
  private static final Once<Kafka> KAFKA = new Once<>(() -> KafkaResolver.resolve(SETTINGS));
  private static final Once<Keycloak> KEYCLOAK =
      new Once<>(() -> KeycloakResolver.resolve(SETTINGS, stateDir()));

  private Devstack() {}

  public static Postgres postgres() {
    return POSTGRES.get();
  }

  public static Redis redis() {
    return REDIS.get();
  }

  public static Kafka kafka() {
    return KAFKA.get();
  }

  public static Keycloak keycloak() {
    return KEYCLOAK.get();
  }

  /**
   * {@code <repository root>/.devstack} (the root is the nearest directory above the working
   * directory holding {@code mvnw}), or {@code DEALFLOW_STATE_DIR}; created if missing.
   */
  public static Path stateDir() {
    return STATE_DIR.get();
  }

  /** {@code <stateDir>/logs}, or {@code DEALFLOW_LOGS_DIR}; created if missing. */
  public static Path logsDir() {
    return Workspace.logsDir(SETTINGS);
  }
}
