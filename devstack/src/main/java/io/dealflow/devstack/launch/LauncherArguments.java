package io.dealflow.devstack.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The launcher's command line; ./run documents it ({@code ./run --help}). */
record LauncherArguments(
    @Nullable Path repositoryRoot,
    @Nullable Set<String> services,
    @Nullable String profile,
    @Nullable Integer gatewayPort,
    boolean infraOnly,
    boolean reset,
    boolean assumeYes,
    @Nullable Path logsDir,
    @Nullable List<String> jvmArguments,
    @Nullable Duration readinessTimeout,
    @Nullable Boolean color,
    @Nullable String otlpEndpoint,
    boolean help) {

  static LauncherArguments parse(String... args) {
    Path repositoryRoot = null;
    Set<String> services = null;
    String profile = null;
    Integer gatewayPort = null;
    boolean infraOnly = false;
    boolean reset = false;
    boolean assumeYes = false;
    Path logsDir = null;
    List<String> jvmArguments = null;
    Duration readinessTimeout = null;
    Boolean color = null;
    String otlpEndpoint = null;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String inlineValue = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        name = arg.substring(0, equals);
        inlineValue = arg.substring(equals + 1);
      }
      switch (name) {
        case "--help", "-h" -> help = true;
        case "--infra-only" -> infraOnly = true;
        case "--reset" -> reset = true;
        case "--yes", "-y" -> assumeYes = true;
        // ./run consumes these two; accepted here so that passing them through is harmless.
        case "--build", "--no-build" -> {}
        default -> {
          String value = inlineValue != null ? inlineValue : valueAfter(args, i, name);
          if (inlineValue == null) {
            i++;
          }
          switch (name) {
            case "--repo" -> repositoryRoot = Path.of(value);
            case "--services" -> services = names(value);
            case "--profile" -> profile = value;
            case "--gateway-port" -> gatewayPort = port(value);
            case "--logs" -> logsDir = Path.of(value);
            case "--jvm-args" -> jvmArguments = StackOptions.splitArguments(value);
            case "--readiness-timeout" -> readinessTimeout = Duration.ofSeconds(seconds(value));
            case "--color" -> color = color(value);
            case "--otlp-endpoint" -> otlpEndpoint = url(value);
            default -> throw new IllegalArgumentException("Unknown option " + arg);
          }
        }
      }
    }
    return new LauncherArguments(
        repositoryRoot,
        services,
        profile,
        gatewayPort,
        infraOnly,
        reset,
        assumeYes,
        logsDir,
        jvmArguments,
        readinessTimeout,
        color,
        otlpEndpoint,
        help);
  }

  private static String url(String value) {
    try {
      java.net.URI uri = new java.net.URI(value.strip());
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new java.net.URISyntaxException(value, "not an http(s) URL");
      }
      return value.strip();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(
          "--otlp-endpoint takes an http(s) URL such as http://localhost:4318, not " + value);
    }
  }

  private static String valueAfter(String[] args, int i, String name) {
    if (!name.startsWith("-")) {
      throw new IllegalArgumentException("Unexpected argument " + name);
    }
    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i + 1];
  }

  private static Set<String> names(String value) {
    Set<String> names = new LinkedHashSet<>();
    Arrays.stream(value.split(","))
        .map(String::strip)
        .filter(name -> !name.isEmpty())
        .forEach(names::add);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("--services needs at least one name");
    }
    return names;
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--gateway-port takes a port number, not " + value);
    }
  }

  private static long seconds(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--readiness-timeout takes seconds, not " + value);
    }
  }

  private static Boolean color(String value) {
    return switch (value) {
      case "always" -> true;
      case "never" -> false;
      case "auto" -> autoColor();
      default -> throw new IllegalArgumentException("--color takes always, never or auto");
    };
  }

  static boolean autoColor() {
    return System.getenv("NO_COLOR") == null && terminal();
  }

  /** Console.isTerminal() exists from JDK 22 on; before it, a console means a terminal. */
  private static boolean terminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  StackOptions applyTo(StackOptions options) {
    StackOptions result = options.withServices(services).withInfraOnly(infraOnly);
    if (repositoryRoot != null) {
      result = result.withRepositoryRoot(repositoryRoot.toAbsolutePath().normalize());
    }
    if (profile != null) {
      result = result.withProfile(profile);
    }
    if (gatewayPort != null) {
      result = result.withGatewayPort(gatewayPort);
    }
    if (logsDir != null) {
      result = result.withLogsDir(logsDir.toAbsolutePath().normalize());
    }
    if (jvmArguments != null) {
      result = result.withJvmArguments(jvmArguments);
    }
    if (readinessTimeout != null) {
      result = result.withReadinessTimeout(readinessTimeout);
    }
    if (otlpEndpoint != null) {
      result = result.withOtlpEndpoint(otlpEndpoint);
    }
    return result;
  }
}
