package io.dealflow.devstack.launch;

import io.dealflow.devstack.Devstack;
import io.dealflow.devstack.DevstackException;
import io.dealflow.devstack.support.Shutdown;
import io.dealflow.devstack.support.Workspace;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The program behind {@code ./run}: provides the infrastructure, starts the services, prints where
 * everything is, and supervises until Ctrl-C or a service failure. Exit codes: 0 after Ctrl-C, 1
 * when something failed, 2 for a wrong command line.
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) {
    LauncherArguments arguments;
    try {
      arguments = LauncherArguments.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + " (see ./run --help)");
      System.exit(2);
      return;
    }
    if (arguments.help()) {
      System.out.println(
          "Usage: ./run [--services a,b] [--infra-only] [--profile NAME] [--gateway-port N]"
              + " [--logs DIR] [--reset [--yes]] [--jvm-args ARGS] [--readiness-timeout SECONDS]"
              + " [--color always|never|auto] [--otlp-endpoint URL]\n./run --help explains each option.");
      return;
    }
    // Before the first logger exists: Devstack and the launcher's log configuration read these.
    Path logsDir = arguments.logsDir();
    if (logsDir != null) {
      System.setProperty(Workspace.LOGS_DIR, logsDir.toAbsolutePath().toString());
    }
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty(
          "logback.configurationFile", "io/dealflow/devstack/launch/launcher-logback.xml");
    }

    StackOptions options;
    try {
      options = arguments.applyTo(StackOptions.defaults());
    } catch (DevstackException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }
    Boolean requestedColor = arguments.color();
    boolean color = requestedColor != null ? requestedColor : LauncherArguments.autoColor();
    options = options.withConsole(System.out, color);
    System.setProperty("dealflow.launcher.logs", options.logsDir().toString());
    // Initialized here, on one thread: the infrastructure is resolved on four threads at once, and
    // loggers first requested concurrently make SLF4J replay (and warn about) early events.
    LoggerFactory.getILoggerFactory();
    Console console = new Console(System.out, color);
    System.exit(run(arguments, options, console));
  }

  private static int run(LauncherArguments arguments, StackOptions options, Console console) {
    long started = System.nanoTime();
    try {
      if (arguments.reset()) {
        Reset.run(
            console,
            arguments.assumeYes(),
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
      }
      RunningStack stack = Stack.start(options);
      // Only ./run writes these: tests and e2e start stacks with other ports, which must not end
      // up in a developer's IDE run configuration.
      ServiceEnvironment.writeFiles(
          Devstack.stateDir().resolve(ServiceEnvironment.ENV_DIR),
          stack.infrastructure(),
          options,
          Services.ALL);
      Banner.print(console, stack, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
      Optional<ServiceFailure> failure = stack.awaitFailure();
      if (failure.isEmpty()) {
        return 0;
      }
      console.error(failure.get().report());
      stack.close();
      return 1;
    } catch (StackStartException | DevstackException e) {
      if (Shutdown.inProgress()) {
        return 130;
      }
      console.error(e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }
}
