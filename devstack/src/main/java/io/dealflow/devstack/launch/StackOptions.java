package io.dealflow.devstack.launch;

import io.dealflow.devstack.Devstack;
import io.dealflow.devstack.DevstackException;
import io.dealflow.devstack.support.Settings;
import io.dealflow.devstack.support.Workspace;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How to start the stack. Start from {@link #defaults()} and change what differs:
 *
 * <pre>{@code
 * Stack.start(StackOptions.defaults().withServices(Set.of("identity", "gateway")).withStreamLogs(false))
 * }</pre>
 *
 * @param services short names to start, or null for every service whose module is built
 * @param ports ports that differ from the table's ({@link Services}), by short name
 * @param managementPorts management (actuator) ports that differ from the table's, by short name
 * @param jvmArguments JVM flags for each service ({@code --enable-native-access=ALL-UNNAMED} is
 *     always added)
 * @param streamLogs whether the services' output also goes to {@code console} (it always goes to
 *     {@code <logsDir>/<name>.log})
 * @param otlpEndpoint where every service exports its spans (OTLP over HTTP, e.g. {@code
 *     http://collector:4318}); null: tracing off
 */
public record StackOptions(
    Path repositoryRoot,
    @Nullable Set<String> services,
    String profile,
    Map<String, Integer> ports,
    Map<String, Integer> managementPorts,
    boolean infraOnly,
    Path logsDir,
    Duration readinessTimeout,
    List<String> jvmArguments,
    boolean streamLogs,
    PrintStream console,
    boolean color,
    @Nullable String otlpEndpoint) {

  public static final String SERVICE_JVM_ARGS = "DEALFLOW_SERVICE_JVM_ARGS";

  /** The OTLP endpoint, when neither {@code --otlp-endpoint} nor the tests name one. */
  public static final String OTLP_ENDPOINT = "DEALFLOW_OTLP_ENDPOINT";

  /** Small heaps, C1 only, serial GC: eight JVMs on two cores start faster this way in dev. */
  public static final List<String> DEV_JVM_ARGUMENTS =
      List.of("-XX:+UseSerialGC", "-Xss512k", "-XX:TieredStopAtLevel=1", "-Xmx256m");

  public StackOptions {
    services = services == null ? null : Set.copyOf(services);
    ports = Map.copyOf(ports);
    managementPorts = Map.copyOf(managementPorts);
    jvmArguments = List.copyOf(jvmArguments);
  }

  public static StackOptions defaults() {
    Settings settings = Settings.system();
    Path root =
        Workspace.repositoryRoot()
            .orElseThrow(
                () ->
                    new DevstackException(
                        "No Dealflow checkout above "
                            + System.getProperty("user.dir")
                            + " (looked for the directory holding mvnw)"));
    List<String> jvm =
        settings.get(SERVICE_JVM_ARGS).map(StackOptions::splitArguments).orElse(DEV_JVM_ARGUMENTS);
    return new StackOptions(
        root,
        null,
        "dev",
        Map.of(),
        Map.of(),
        false,
        Devstack.logsDir(),
        Duration.ofSeconds(120),
        jvm,
        true,
        System.out,
        false,
        settings.get(OTLP_ENDPOINT).filter(value -> !value.isBlank()).orElse(null));
  }

  public StackOptions withRepositoryRoot(Path value) {
    return change(b -> b.repositoryRoot = value);
  }

  public StackOptions withServices(@Nullable Set<String> value) {
    return change(b -> b.services = value);
  }

  public StackOptions withProfile(String value) {
    return change(b -> b.profile = value);
  }

  /** Runs {@code service} (short name) on {@code port} instead of the table's port. */
  public StackOptions withPort(String service, int port) {
    return change(b -> b.ports.put(service, port));
  }

  /**
   * Serves {@code service}'s actuator (probes, metrics, operator endpoints) on {@code port} instead
   * of the table's management port.
   */
  public StackOptions withManagementPort(String service, int port) {
    return change(b -> b.managementPorts.put(service, port));
  }

  public StackOptions withGatewayPort(int port) {
    return withPort("gateway", port);
  }

  public StackOptions withInfraOnly(boolean value) {
    return change(b -> b.infraOnly = value);
  }

  public StackOptions withLogsDir(Path value) {
    return change(b -> b.logsDir = value);
  }

  public StackOptions withReadinessTimeout(Duration value) {
    return change(b -> b.readinessTimeout = value);
  }

  public StackOptions withJvmArguments(List<String> value) {
    return change(b -> b.jvmArguments = value);
  }

  public StackOptions withStreamLogs(boolean value) {
    return change(b -> b.streamLogs = value);
  }

  /** Exports every service's spans to {@code value} (OTLP over HTTP); null turns tracing off. */
  public StackOptions withOtlpEndpoint(@Nullable String value) {
    return change(b -> b.otlpEndpoint = value);
  }

  public StackOptions withConsole(PrintStream value, boolean colored) {
    return change(
        b -> {
          b.console = value;
          b.color = colored;
        });
  }

  private StackOptions change(Consumer<Draft> edit) {
    Draft draft = new Draft(this);
    edit.accept(draft);
    return draft.build();
  }

  /** A mutable copy, so that each {@code with…} names only the field it changes. */
  private static final class Draft {
    Path repositoryRoot;
    @Nullable Set<String> services;
    String profile;
    final Map<String, Integer> ports;
    final Map<String, Integer> managementPorts;
    boolean infraOnly;
    Path logsDir;
    Duration readinessTimeout;
    List<String> jvmArguments;
    boolean streamLogs;
    PrintStream console;
    boolean color;
    @Nullable String otlpEndpoint;

    Draft(StackOptions from) {
      repositoryRoot = from.repositoryRoot;
      services = from.services;
      profile = from.profile;
      ports = new HashMap<>(from.ports);
      managementPorts = new HashMap<>(from.managementPorts);
      infraOnly = from.infraOnly;
      logsDir = from.logsDir;
      readinessTimeout = from.readinessTimeout;
      jvmArguments = from.jvmArguments;
      streamLogs = from.streamLogs;
      console = from.console;
      color = from.color;
      otlpEndpoint = from.otlpEndpoint;
    }

    StackOptions build() {
      return new StackOptions(
          repositoryRoot,
          services,
          profile,
          ports,
          managementPorts,
          infraOnly,
          logsDir,
          readinessTimeout,
          jvmArguments,
          streamLogs,
          console,
          color,
          otlpEndpoint);
    }
  }

  /** The port a service listens on in this stack. */
  public int portOf(ServiceDefinition service) {
    return ports.getOrDefault(service.name(), service.port());
  }

  /** The port a service serves its actuator on: probes, Prometheus, operator endpoints. */
  public int managementPortOf(ServiceDefinition service) {
    return managementPorts.getOrDefault(service.name(), service.managementPort());
  }

  /**
   * The JVM flags of a service process, always allowing native access (JDK 24+ warns otherwise).
   */
  List<String> serviceJvmArguments() {
    List<String> all = new ArrayList<>(jvmArguments);
    if (all.stream().noneMatch(arg -> arg.startsWith("--enable-native-access"))) {
      all.add("--enable-native-access=ALL-UNNAMED");
    }
    return all;
  }

  /**
   * The URL spans are sent to: the endpoint as given when it names a path, else its {@code
   * /v1/traces} (the OTLP/HTTP traces path, as {@code OTEL_EXPORTER_OTLP_ENDPOINT} is read).
   */
  static String otlpTracesUrl(String endpoint) {
    String trimmed = endpoint.strip();
    String path = java.net.URI.create(trimmed).getPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      return trimmed.replaceAll("/+$", "") + "/v1/traces";
    }
    return trimmed;
  }

  static List<String> splitArguments(String value) {
    return value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
  }
}
