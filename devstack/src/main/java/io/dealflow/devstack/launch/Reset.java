package io.dealflow.devstack.launch;

import io.dealflow.devstack.Devstack;
import io.dealflow.devstack.Keycloak;
import io.dealflow.devstack.Postgres;
import io.dealflow.devstack.keycloak.KeycloakResolver;
import io.dealflow.devstack.support.Probes;
import io.dealflow.devstack.support.Settings;
import io.dealflow.devstack.support.Workspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@code ./run --reset}: forgets the local state of the suite (Keycloak's realm and users, every
 * service's database) so that the next start imports the realm again and migrates empty databases.
 * The generated secrets are kept.
 */
final class Reset {

  private Reset() {}

  static void run(Console console, boolean assumeYes, BufferedReader input) {
    refuseWhileKeycloakRuns();
    Path stateDir = Devstack.stateDir();
    List<Path> keycloakData = keycloakDataDirs(stateDir);
    Postgres postgres = Devstack.postgres();
    List<String> databases =
        Services.ALL.stream()
            .map(ServiceDefinition::database)
            .filter(Objects::nonNull)
            .filter(postgres::databaseExists)
            .toList();
    if (keycloakData.isEmpty() && databases.isEmpty()) {
      console.note("--reset: nothing to reset");
      return;
    }
    console.step("--reset will delete:");
    keycloakData.forEach(dir -> console.line("    Keycloak data " + dir));
    databases.forEach(
        database -> console.line("    database " + database + " on " + postgres.hosts()));
    if (!assumeYes && !confirmed(console, input)) {
      throw new StackStartException(
          "--reset cancelled (answer y, or add --yes); nothing was deleted.");
    }
    keycloakData.forEach(Workspace::deleteRecursively);
    databases.forEach(postgres::dropDatabaseIfExists);
    console.ok("Reset done");
  }

  private static void refuseWhileKeycloakRuns() {
    int port = KeycloakResolver.localPort(Settings.system());
    URI wellKnown =
        URI.create(
            KeycloakResolver.localBaseUrl(port)
                + "/realms/"
                + Keycloak.REALM
                + "/.well-known/openid-configuration");
    if (Probes.status(wellKnown, Duration.ofSeconds(2)) == 200) {
      throw new StackStartException(
          ("--reset: a Keycloak is running on port %d (another ./run?). Stop it first: its data"
                  + " cannot be deleted under it.")
              .formatted(port));
    }
  }

  private static List<Path> keycloakDataDirs(Path stateDir) {
    try (Stream<Path> entries = Files.list(stateDir)) {
      return entries
          .filter(path -> path.getFileName().toString().startsWith("keycloak-"))
          .map(path -> path.resolve("data"))
          .filter(Files::isDirectory)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean confirmed(Console console, BufferedReader input) {
    console.line("Continue? [y/N] ");
    try {
      String answer = input.readLine();
      return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    } catch (IOException e) {
      return false;
    }
  }
}
