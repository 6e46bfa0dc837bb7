package io.dealflow.devstack.launch;

import io.dealflow.devstack.support.LogTail;
import io.dealflow.devstack.support.Probes;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One running service: its process, a thread copying its output to its log file (and the console,
 * prefixed), and its readiness probe.
 */
final class ServiceProcess {

  static final int TAIL_LINES = 30;

  private final String name;
  private final int port;
  private final int managementPort;
  private final Process process;
  private final Path logFile;
  private final Thread pump;
  private final long startedNanos;

  private ServiceProcess(
      String name,
      int port,
      int managementPort,
      Process process,
      Path logFile,
      Thread pump,
      long startedNanos) {
    this.name = name;
    this.port = port;
    this.managementPort = managementPort;
    this.process = process;
    this.logFile = logFile;
    this.pump = pump;
    this.startedNanos = startedNanos;
  }

  static ServiceProcess start(
      String name,
      int port,
      int managementPort,
      List<String> command,
      Map<String, String> environment,
      Path workingDirectory,
      Path logFile,
      Console console,
      String prefix,
      boolean streamToConsole) {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    // A JAVA_TOOL_OPTIONS meant for the launcher (an agent, a debugger port) must not reach every
    // service, where it would collide or print its banner eight times.
    env.remove("JAVA_TOOL_OPTIONS");
    env.putAll(environment);
    Process process;
    try {
      Files.createDirectories(logFile.getParent());
      process = builder.start();
    } catch (IOException e) {
      throw new StackStartException(
          "%s could not be started (%s): %s".formatted(name, String.join(" ", command), e));
    }
    try {
      // Services read nothing from stdin; an open pipe would only keep a reference alive.
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // Closing a pipe to a process that already exited can fail; nothing depends on it.
    }
    Thread pump =
        Thread.ofPlatform()
            .name("log-" + name)
            .daemon(true)
            .start(() -> copyOutput(process, logFile, console, prefix, streamToConsole));
    return new ServiceProcess(
        name, port, managementPort, process, logFile, pump, System.nanoTime());
  }

  private static void copyOutput(
      Process process, Path logFile, Console console, String prefix, boolean streamToConsole) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        BufferedWriter log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        log.write(line);
        log.newLine();
        log.flush();
        if (streamToConsole) {
          console.line(prefix + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  int managementPort() {
    return managementPort;
  }

  Path logFile() {
    return logFile;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  int exitCode() {
    return process.exitValue();
  }

  long secondsSinceStart() {
    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
  }

  boolean ready() {
    URI uri = URI.create("http://localhost:" + managementPort + "/actuator/health/readiness");
    return Probes.status(uri, Duration.ofSeconds(2)) == 200;
  }

  /** The end of its log, once the output copied so far has reached the file. */
  List<String> lastLogLines() {
    try {
      pump.join(Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return LogTail.lastLines(logFile, TAIL_LINES);
  }

  /** SIGTERM, so Spring Boot shuts down gracefully. */
  void terminate() {
    process.destroy();
  }

  /** Waits until {@code deadlineNanos} for it to exit, then kills it and whatever it started. */
  void awaitExitOrKill(long deadlineNanos) {
    try {
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining > 0 && process.waitFor(remaining, TimeUnit.NANOSECONDS)) {
        return;
      }
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
