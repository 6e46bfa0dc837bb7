package io.dealflow.devstack.launch;

import io.dealflow.devstack.support.BuildInfo;
import io.dealflow.devstack.support.Once;
import io.dealflow.devstack.support.Shutdown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts the suite: resolves the infrastructure, creates the services' databases, starts the built
 * services as child processes and waits until each is ready (the domain services together, then the
 * gateway). {@code ./run} and the e2e tests both start the stack through here.
 */
public final class Stack {

  private static final long PROGRESS_EVERY_SECONDS = 5;

  /** Where the services run from: see {@link #runnableCopy}. */
  private static final Once<Path> JAR_COPIES =
      new Once<>(
          () -> {
            try {
              Path dir = Files.createTempDirectory("dealflow-services-");
              dir.toFile().deleteOnExit();
              return dir;
            } catch (IOException e) {
              throw new StackStartException("No temporary directory for the service jars: " + e);
            }
          });

  private Stack() {}

  /**
   * @throws StackStartException with a report for a person when something failed; whatever was
   *     started by then is stopped again
   */
  public static RunningStack start(StackOptions options) {
    Console console = new Console(options.console(), options.color());
    Map<String, String> skipped = new LinkedHashMap<>();
    List<ServiceDefinition> plan = plan(options, skipped);
    if (!options.infraOnly()) {
      skipped.forEach((service, why) -> console.note(service + ": " + why));
    }

    console.step("Providing PostgreSQL, Redis, Kafka and Keycloak");
    Infrastructure infrastructure = Infrastructure.resolve();

    RunningStack stack = new RunningStack(infrastructure, options, console);
    skipped.forEach(stack::skipped);
    for (ServiceDefinition service : plan) {
      String database = service.database();
      if (database != null) {
        infrastructure.postgres().createDatabaseIfMissing(database);
      }
    }
    if (plan.isEmpty()) {
      return stack;
    }

    stack.registerShutdown();
    try {
      List<ServiceDefinition> domain =
          plan.stream().filter(s -> s.role() != ServiceDefinition.Role.GATEWAY).toList();
      List<ServiceDefinition> gateway =
          plan.stream().filter(s -> s.role() == ServiceDefinition.Role.GATEWAY).toList();
      int width = plan.stream().mapToInt(s -> s.name().length()).max().orElse(8);
      launchAndAwait(domain, stack, options, console, width);
      launchAndAwait(gateway, stack, options, console, width);
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  /** Which services to start; {@code skipped} learns why the others of the table are not. */
  static List<ServiceDefinition> plan(StackOptions options, Map<String, String> skipped) {
    if (options.infraOnly()) {
      Services.ALL.forEach(service -> skipped.put(service.name(), "--infra-only"));
      return List.of();
    }
    Path root = options.repositoryRoot();
    String version = BuildInfo.projectVersion();
    Set<String> requested = options.services();
    if (requested != null) {
      Set<String> unknown = new LinkedHashSet<>(requested);
      unknown.removeIf(name -> Services.named(name).isPresent());
      if (!unknown.isEmpty()) {
        throw new StackStartException(
            "Unknown service(s) %s; known: %s"
                .formatted(String.join(", ", unknown), String.join(", ", Services.names())));
      }
    }
    List<ServiceDefinition> plan = new ArrayList<>();
    for (ServiceDefinition service : Services.ALL) {
      boolean wanted =
          requested == null
              || requested.contains(service.name())
              || requested.contains(service.module());
      if (!wanted) {
        skipped.put(service.name(), "not asked for (--services)");
        continue;
      }
      Path jar = service.jar(root, version);
      if (Files.isRegularFile(jar)) {
        plan.add(service);
      } else if (requested != null) {
        throw new StackStartException(
            "%s was asked for, but %s does not exist%s"
                .formatted(
                    service.name(),
                    root.relativize(jar),
                    Files.isDirectory(service.moduleDir(root))
                        ? " (build it: ./run --build)"
                        : " (module " + service.module() + " is not in this checkout)"));
      } else if (Files.isDirectory(service.moduleDir(root))) {
        skipped.put(service.name(), "not built (" + root.relativize(jar) + " is missing)");
      } else {
        skipped.put(service.name(), "module " + service.module() + " is not in this checkout yet");
      }
    }
    return plan;
  }

  private static void launchAndAwait(
      List<ServiceDefinition> group,
      RunningStack stack,
      StackOptions options,
      Console console,
      int width) {
    if (group.isEmpty()) {
      return;
    }
    String version = BuildInfo.projectVersion();
    List<ServiceProcess> pending = new ArrayList<>();
    for (ServiceDefinition service : group) {
      int index = Services.ALL.indexOf(service);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(options.serviceJvmArguments());
      command.add("-jar");
      command.add(runnableCopy(service.jar(options.repositoryRoot(), version)).toString());
      Map<String, String> env =
          ServiceEnvironment.of(service, stack.infrastructure(), options, Services.ALL);
      ServiceProcess process =
          ServiceProcess.start(
              service.name(),
              options.portOf(service),
              options.managementPortOf(service),
              command,
              env,
              service.moduleDir(options.repositoryRoot()),
              options.logsDir().resolve(service.name() + ".log"),
              console,
              console.prefix(service.name(), index, width),
              options.streamLogs());
      stack.add(process);
      pending.add(process);
      console.step(
          "Starting %s on port %d (pid %d, log %s)"
              .formatted(service.name(), process.port(), process.pid(), process.logFile()));
    }

    long nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROGRESS_EVERY_SECONDS);
    long timeout = options.readinessTimeout().toSeconds();
    while (!pending.isEmpty()) {
      for (ServiceProcess process : List.copyOf(pending)) {
        stopIfShuttingDown(stack);
        if (process.ready()) {
          console.ok(
              "%s ready on http://localhost:%d (%d s)"
                  .formatted(process.name(), process.port(), process.secondsSinceStart()));
          pending.remove(process);
        } else if (!process.isAlive()) {
          // A Ctrl-C reaches the services too; let the launcher's shutdown start first.
          sleep(1500);
          stopIfShuttingDown(stack);
          throw new StackStartException(
              ServiceFailure.of(
                      process,
                      "exited before it was ready, after " + process.secondsSinceStart() + " s")
                  .report());
        } else if (process.secondsSinceStart() >= timeout) {
          throw new StackStartException(
              ServiceFailure.of(
                      process,
                      "not ready after %d s (GET http://localhost:%d/actuator/health/readiness never answered 200)"
                          .formatted(timeout, process.managementPort()))
                  .report());
        }
      }
      if (System.nanoTime() > nextProgress && !pending.isEmpty()) {
        console.note(
            "waiting for "
                + pending.stream()
                    .map(p -> "%s (%d s)".formatted(p.name(), p.secondsSinceStart()))
                    .collect(Collectors.joining(", ")));
        nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROGRESS_EVERY_SECONDS);
      }
      sleep(500);
    }
  }

  private static void stopIfShuttingDown(RunningStack stack) {
    if (stack.closing() || Shutdown.inProgress()) {
      throw new StackStartException("Stopped before every service was ready.");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackStartException("Interrupted while waiting for the services");
    }
  }

  /**
   * A private copy of a service's jar to run from: a build that replaces the jar in {@code target/}
   * while the service runs (a {@code ./test} beside {@code ./run}) would otherwise pull classes out
   * from under it. The copies live in a temporary directory of this JVM, deleted at its exit.
   */
  private static Path runnableCopy(Path jar) {
    try {
      Path copy = JAR_COPIES.get().resolve(jar.getFileName());
      Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
      copy.toFile().deleteOnExit();
      return copy;
    } catch (IOException e) {
      throw new StackStartException("Could not copy " + jar + " to run it: " + e.getMessage());
    }
  }
}
