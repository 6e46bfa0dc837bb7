package io.dealflow.devstack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Where devstack keeps things between runs: the state directory {@code <repo>/.devstack} (ignored
 * by git) with the Keycloak installation, generated secrets and logs. The repository root is the
 * nearest directory above the working directory that holds {@code mvnw}, so a test running in a
 * module directory and {@code ./run} at the root share one state directory.
 */
public final class Workspace {

  public static final String STATE_DIR = "DEALFLOW_STATE_DIR";
  public static final String LOGS_DIR = "DEALFLOW_LOGS_DIR";

  private Workspace() {}

  public static Optional<Path> repositoryRoot() {
    return repositoryRoot(Path.of(System.getProperty("user.dir")));
  }

  static Optional<Path> repositoryRoot(Path start) {
    for (@Nullable Path dir = start.toAbsolutePath().normalize();
        dir != null;
        dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  public static Path stateDir(Settings settings) {
    Path dir =
        settings
            .get(STATE_DIR)
            .map(Path::of)
            .orElseGet(
                () ->
                    repositoryRoot()
                        .orElseGet(() -> Path.of(System.getProperty("user.dir")))
                        .resolve(".devstack"));
    return createDirectories(dir.toAbsolutePath().normalize());
  }

  public static Path logsDir(Settings settings) {
    return createDirectories(
        settings
            .get(LOGS_DIR)
            .map(Path::of)
            .orElseGet(() -> stateDir(settings).resolve("logs"))
            .toAbsolutePath()
            .normalize());
  }

  public static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create directory " + dir, e);
    }
  }

  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + dir, e);
    }
  }
}
