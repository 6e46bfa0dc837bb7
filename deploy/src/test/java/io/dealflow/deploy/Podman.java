package io.dealflow.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Commands of this machine's container tools (Podman, docker-compose), run as child processes. The
 * tests need the tools {@code bin/containers-setup} installs; without them they fail saying so,
 * since a deployment check that skips itself proves nothing.
 */
public final class Podman {

  public static final String BASE_IMAGE = "localhost/dealflow/jre:25";
  private static final String SETUP =
      "run bin/containers-setup as root (it installs Podman, Buildah and docker-compose from"
          + " Debian and makes the base image "
          + BASE_IMAGE
          + " without any registry)";

  private Podman() {}

  /** The result of one command: its exit status and what it printed. */
  public record Result(int exitCode, String out, String err) {
    public boolean ok() {
      return exitCode == 0;
    }

    public String describe() {
      return "exit " + exitCode + "\nstdout:\n" + tail(out) + "\nstderr:\n" + tail(err);
    }

    private static String tail(String text) {
      return text.length() > 4000 ? "..." + text.substring(text.length() - 4000) : text;
    }
  }

  /** Fails, naming the setup script, when Podman or the local base image is missing. */
  public static void requireReady() {
    if (!onPath("podman")) {
      fail("podman is not installed: " + SETUP);
    }
    if (!run(Duration.ofSeconds(30), "podman", "image", "exists", BASE_IMAGE).ok()) {
      fail("the base image " + BASE_IMAGE + " is missing: " + SETUP);
    }
  }

  public static boolean onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  public static Result run(Duration timeout, String... command) {
    return run(timeout, Map.of(), List.of(command));
  }

  /** Runs a command in the repository root with extra environment variables. */
  public static Result run(Duration timeout, Map<String, String> env, List<String> command) {
    try {
      Path out = Files.createTempFile("dealflow-cmd", ".out");
      Path err = Files.createTempFile("dealflow-cmd", ".err");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(new ArrayList<>(command))
                .directory(Deployables.repositoryRoot().toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor();
          return new Result(
              -1,
              Files.readString(out, StandardCharsets.UTF_8),
              "timed out after " + timeout + ": " + String.join(" ", command));
        }
        return new Result(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs a command that must succeed; fails the test with its output otherwise. */
  public static String check(Duration timeout, String... command) {
    Result result = run(timeout, command);
    if (!result.ok()) {
      fail(String.join(" ", command) + " failed: " + result.describe());
    }
    return result.out().strip();
  }
}
