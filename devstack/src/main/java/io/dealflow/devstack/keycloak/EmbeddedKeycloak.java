package io.dealflow.devstack.keycloak;

import io.dealflow.devstack.DevstackException;
import io.dealflow.devstack.support.LogTail;
import io.dealflow.devstack.support.Probes;
import io.dealflow.devstack.support.Settings;
import io.dealflow.devstack.support.Shutdown;
import io.dealflow.devstack.support.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keycloak from its distribution, run as a child process with the JDK that runs devstack: {@code
 * kc.sh start-dev} on port 8180 ({@code DEALFLOW_KEYCLOAK_PORT}; loopback only), H2 database in the
 * installation's {@code data/}, the realm imported from the repository's export on first start.
 */
final class EmbeddedKeycloak {

  static final String START_TIMEOUT = "DEALFLOW_KEYCLOAK_START_TIMEOUT";
  static final String HEAP = "DEALFLOW_KEYCLOAK_HEAP";

  /**
   * {@code true}: the Keycloak this JVM starts outlives it, and its process id is written to
   * {@value #PID_FILE} in the state directory for whoever stops it ({@code ./test} sets this, so
   * that the build's test JVMs start Keycloak once and share it, and stops it at the end with
   * {@code bin/keycloak-stop}).
   */
  static final String KEEP = "DEALFLOW_KEYCLOAK_KEEP";

  static final String PID_FILE = "keycloak.pid";

  private static final String FINGERPRINT_FILE = "dealflow-import.sha256";
  private static final String REALM_HASH_FILE = "dealflow-realm.sha256";
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKeycloak.class);

  private EmbeddedKeycloak() {}

  static WellKnown start(
      Settings settings,
      Path stateDir,
      Path logsDir,
      int port,
      String realm,
      KeycloakSecrets secrets) {
    String baseUrl = KeycloakResolver.localBaseUrl(port);
    String version = io.dealflow.devstack.support.BuildInfo.keycloakVersion();
    Path home = KeycloakDistribution.install(settings, stateDir, version);
    prepareData(home, secrets);

    Path logFile = logsDir.resolve("keycloak.log");
    long started = System.nanoTime();
    Process process = launch(settings, home, logFile, port, secrets);
    if (Boolean.parseBoolean(settings.get(KEEP, "false"))) {
      keep(process, stateDir);
    } else {
      Shutdown.register("embedded Keycloak", () -> stop(process));
    }

    Duration timeout = Duration.ofSeconds(Long.parseLong(settings.get(START_TIMEOUT, "300")));
    long deadline = started + timeout.toNanos();
    long nextReport = started + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      Optional<WellKnown> wellKnown = WellKnown.fetch(baseUrl, realm, Duration.ofSeconds(2));
      if (wellKnown.isPresent()) {
        writeFingerprint(home, secrets);
        log.info(
            "Keycloak: embedded {} on {} (EMBEDDED, ready in {} s; log {})",
            version,
            baseUrl,
            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
            logFile);
        return wellKnown.get();
      }
      if (!process.isAlive()) {
        throw failure("exited with code " + process.exitValue() + " before it was ready", logFile);
      }
      long now = System.nanoTime();
      if (now > deadline) {
        stop(process);
        throw failure(
            "was not ready after " + timeout.toSeconds() + " s (" + START_TIMEOUT + ")", logFile);
      }
      if (now > nextReport) {
        log.info(
            "Keycloak: starting… {} s (log {})",
            TimeUnit.NANOSECONDS.toSeconds(now - started),
            logFile);
        nextReport = now + TimeUnit.SECONDS.toNanos(10);
      }
      sleep(500);
    }
  }

  /**
   * Keycloak imports a realm only when it does not exist yet, and creates its bootstrap admin only
   * on an empty database. When the realm export or those secrets changed since, the stored data is
   * discarded so that Keycloak matches the repository again: tests and services would otherwise
   * meet an outdated realm. Users created since are lost with it (the realm's own users are
   * imported again).
   */
  private static void prepareData(Path home, KeycloakSecrets secrets) {
    Path data = home.resolve("data");
    Path database = data.resolve("h2");
    Path importDir = Workspace.createDirectories(data.resolve("import"));
    byte[] realm = RealmExport.bytes();
    try {
      if (Files.isDirectory(database)) {
        @Nullable String reason = null;
        if (!read(data.resolve(FINGERPRINT_FILE)).equals(secrets.importFingerprint())) {
          reason = "its secrets changed";
        } else if (!read(data.resolve(REALM_HASH_FILE)).equals(RealmExport.sha256(realm))) {
          reason = RealmExport.FILE_NAME + " changed";
        }
        if (reason != null) {
          log.warn(
              "Keycloak: {} since the realm was imported; importing it again (users created since"
                  + " are gone)",
              reason);
          Workspace.deleteRecursively(database);
        }
      }
      Files.write(importDir.resolve(RealmExport.FILE_NAME), realm);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file).strip() : "";
  }

  private static void writeFingerprint(Path home, KeycloakSecrets secrets) {
    Path data = home.resolve("data");
    try {
      Files.writeString(data.resolve(FINGERPRINT_FILE), secrets.importFingerprint());
      Files.writeString(data.resolve(REALM_HASH_FILE), RealmExport.sha256(RealmExport.bytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Process launch(
      Settings settings, Path home, Path logFile, int port, KeycloakSecrets secrets) {
    if (Probes.listening("127.0.0.1", port)) {
      throw new DevstackException(
          ("Keycloak: port %d is taken by something that does not serve realm %s. Stop it, set"
                  + " %s to another port, or set %s to a Keycloak with that realm.")
              .formatted(
                  port,
                  io.dealflow.devstack.Keycloak.REALM,
                  KeycloakResolver.PORT,
                  KeycloakResolver.URL));
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    home.resolve("bin/kc.sh").toString(),
                    "start-dev",
                    "--http-port=" + port,
                    "--http-host=127.0.0.1",
                    "--hostname=" + KeycloakResolver.localBaseUrl(port),
                    "--import-realm"))
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile());
    Map<String, String> env = builder.environment();
    // A developer's own Keycloak or JVM settings would change what this Keycloak is.
    env.keySet()
        .removeIf(
            name ->
                name.startsWith("KC_")
                    || name.startsWith("QUARKUS_")
                    || name.startsWith("JAVA_OPTS")
                    || name.equals("JAVA_TOOL_OPTIONS")
                    || name.equals("JAVA_ADD_OPENS")
                    || name.equals("JAVA")
                    || name.equals("DEBUG"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("JAVA_OPTS_KC_HEAP", settings.get(HEAP, "-Xms64m -Xmx512m"));
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", secrets.adminUsername());
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.adminPassword());
    env.put(KeycloakSecrets.CLIENT_SECRET, secrets.identityClientSecret());
    env.put(KeycloakSecrets.DEMO_PASSWORD, secrets.demoPassword());
    env.put(KeycloakSecrets.OPS_CLIENT_SECRET, secrets.opsClientSecret());
    try {
      Files.writeString(
          logFile,
          "# " + String.join(" ", builder.command()) + System.lineSeparator(),
          StandardCharsets.UTF_8);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      return builder.start();
    } catch (IOException e) {
      throw new DevstackException("Keycloak: cannot start " + builder.command() + ": " + e, e);
    }
  }

  private static void keep(Process process, Path stateDir) {
    try {
      Files.writeString(stateDir.resolve(PID_FILE), process.pid() + System.lineSeparator());
    } catch (IOException e) {
      stop(process);
      throw new UncheckedIOException(e);
    }
    log.info(
        "Keycloak: process {} keeps running after this JVM ({}); bin/keycloak-stop stops it",
        process.pid(),
        KEEP);
  }

  /**
   * SIGTERM to kc.sh, which forwards it to the Keycloak JVM. Killing the script alone would orphan
   * that JVM, so a forced stop kills the descendants first.
   */
  static void stop(Process process) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static DevstackException failure(String what, Path logFile) {
    return new DevstackException(
        "Keycloak: the embedded server %s. Last 30 lines of %s:%n%s"
            .formatted(what, logFile, LogTail.indented(LogTail.lastLines(logFile, 30))));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevstackException("Keycloak: interrupted while waiting for it to start", e);
    }
  }
}
