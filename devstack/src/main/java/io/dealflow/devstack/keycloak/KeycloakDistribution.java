package io.dealflow.devstack.keycloak;

import io.dealflow.devstack.DevstackException;
import io.dealflow.devstack.support.LogTail;
import io.dealflow.devstack.support.Settings;
import io.dealflow.devstack.support.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keycloak's server distribution ({@code org.keycloak:keycloak-quarkus-dist}, zip) as Maven caches
 * it, installed once into {@code <stateDir>/keycloak-<version>/} and kept between runs: the first
 * start there also builds Keycloak's optimized server, which later starts skip.
 */
final class KeycloakDistribution {

  static final String DIST_PATH = "DEALFLOW_KEYCLOAK_DIST";

  private static final Logger log = LoggerFactory.getLogger(KeycloakDistribution.class);

  private KeycloakDistribution() {}

  /** The installation directory, extracting the distribution there first if needed. */
  static Path install(Settings settings, Path stateDir, String version) {
    Path home = stateDir.resolve("keycloak-" + version);
    if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
      return home;
    }
    Path zip = locate(settings, stateDir, version);
    log.info("Keycloak: installing {} into {}", zip.getFileName(), home);
    extract(zip, stateDir, home, version);
    return home;
  }

  static Path locate(Settings settings, Path stateDir, String version) {
    var explicit = settings.get(DIST_PATH).map(Path::of);
    if (explicit.isPresent()) {
      if (!Files.isRegularFile(explicit.get())) {
        throw new DevstackException(
            "Keycloak: %s=%s is not a file".formatted(DIST_PATH, explicit.get()));
      }
      return explicit.get();
    }
    Path cached = cachedZip(version);
    if (Files.isRegularFile(cached)) {
      return cached;
    }
    download(stateDir, version);
    if (!Files.isRegularFile(cached)) {
      throw new DevstackException(
          ("Keycloak: Maven finished but %s is still missing. If your Maven uses another local"
                  + " repository, start the JVM with -Dmaven.repo.local=<it>, or set %s to the"
                  + " zip.")
              .formatted(cached, DIST_PATH));
    }
    return cached;
  }

  static Path cachedZip(String version) {
    Path repository =
        Path.of(
            System.getProperty(
                "maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    return repository.resolve(
        "org/keycloak/keycloak-quarkus-dist/%s/keycloak-quarkus-dist-%s.zip"
            .formatted(version, version));
  }

  private static void download(Path stateDir, String version) {
    var root = Workspace.repositoryRoot();
    List<String> command = new ArrayList<>();
    command.add(root.map(r -> r.resolve("mvnw").toString()).orElse("mvn"));
    command.addAll(
        List.of(
            "-B",
            "-q",
            "-N",
            "dependency:get",
            "-Dartifact=org.keycloak:keycloak-quarkus-dist:" + version + ":zip",
            // Its POM lists the server's own dependencies, which live inside the zip.
            "-Dtransitive=false"));
    String repository = System.getProperty("maven.repo.local");
    if (repository != null) {
      command.add("-Dmaven.repo.local=" + repository);
    }
    Path logFile =
        Workspace.createDirectories(stateDir.resolve("logs")).resolve("keycloak-download.log");
    log.info(
        "Keycloak: distribution {} not in the local Maven repository; downloading (~180 MB)",
        version);
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(root.orElse(stateDir).toFile())
              .redirectErrorStream(true)
              .redirectOutput(logFile.toFile());
      Map<String, String> env = builder.environment();
      env.put("JAVA_HOME", System.getProperty("java.home"));
      Process process = builder.start();
      if (!process.waitFor(20, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new DevstackException("Keycloak: downloading the distribution took over 20 minutes");
      }
      if (process.exitValue() != 0) {
        throw new DevstackException(
            "Keycloak: `%s` failed (exit %d). Last lines of %s:%n%s"
                .formatted(
                    String.join(" ", command),
                    process.exitValue(),
                    logFile,
                    LogTail.indented(LogTail.lastLines(logFile, 30))));
      }
    } catch (IOException e) {
      throw new DevstackException(
          "Keycloak: cannot run Maven to fetch the distribution (%s). Run `./mvnw -N dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:%s:zip -Dtransitive=false` yourself."
              .formatted(e.getMessage(), version),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevstackException("Keycloak: interrupted while downloading the distribution", e);
    }
  }

  /**
   * Extracts into a scratch directory and moves the result into place, so an interrupted extraction
   * never leaves a half-installed Keycloak that looks complete.
   */
  private static void extract(Path zip, Path stateDir, Path home, String version) {
    Path scratch;
    try {
      scratch = Files.createTempDirectory(stateDir, ".keycloak-extract-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = archive.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path target = scratch.resolve(entry.getName()).normalize();
        if (!target.startsWith(scratch)) {
          throw new DevstackException("Keycloak: refusing zip entry outside the target: " + entry);
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = archive.getInputStream(entry)) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        // Zip entries carry no Unix modes that java.util.zip exposes; the scripts need x.
        if (entry.getName().endsWith(".sh")) {
          target.toFile().setExecutable(true, false);
        }
      }
      Path extracted = scratch.resolve("keycloak-" + version);
      if (!Files.isRegularFile(extracted.resolve("bin/kc.sh"))) {
        throw new DevstackException(
            "Keycloak: %s does not contain keycloak-%s/bin/kc.sh".formatted(zip, version));
      }
      Files.move(extracted, home, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new DevstackException("Keycloak: cannot extract " + zip + ": " + e.getMessage(), e);
    } finally {
      Workspace.deleteRecursively(scratch);
    }
  }
}
