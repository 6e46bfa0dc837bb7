package io.dealflow.devstack.launch;

import io.dealflow.devstack.support.Shutdown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The services a {@link Stack} started, all ready. {@link #close()} stops them (the JVM's exit does
 * too); the infrastructure stays until the JVM exits, because other code in the JVM may share it.
 */
public final class RunningStack implements AutoCloseable {

  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final Infrastructure infrastructure;
  private final StackOptions options;
  private final Console console;
  private final List<ServiceProcess> processes = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> skipped = new LinkedHashMap<>();
  private Shutdown.@Nullable Registration registration;
  private volatile boolean closing;

  RunningStack(Infrastructure infrastructure, StackOptions options, Console console) {
    this.infrastructure = infrastructure;
    this.options = options;
    this.console = console;
  }

  void registerShutdown() {
    registration = Shutdown.register("Dealflow services", this::stop);
  }

  void add(ServiceProcess process) {
    processes.add(process);
  }

  void skipped(String service, String why) {
    skipped.put(service, why);
  }

  public Infrastructure infrastructure() {
    return infrastructure;
  }

  public StackOptions options() {
    return options;
  }

  /** The short names of the services running, in start order. */
  public List<String> services() {
    synchronized (processes) {
      return processes.stream().map(ServiceProcess::name).toList();
    }
  }

  /** Services of the table that were not started, with the reason. */
  public Map<String, String> skippedServices() {
    return Collections.unmodifiableMap(skipped);
  }

  public boolean isRunning(String service) {
    return services().contains(service);
  }

  /** e.g. {@code http://localhost:8101}. */
  public String serviceUrl(String service) {
    if (!isRunning(service)) {
      throw new IllegalStateException(
          service
              + " is not running"
              + Optional.ofNullable(skipped.get(service)).map(why -> ": " + why).orElse(""));
    }
    ServiceDefinition definition = Services.named(service).orElseThrow();
    return "http://localhost:" + options.portOf(definition);
  }

  /**
   * Where a running service's actuator answers (probes, Prometheus, operator endpoints), e.g.
   * {@code http://localhost:9101}; never routed by the gateway.
   */
  public String managementUrl(String service) {
    serviceUrl(service);
    return "http://localhost:" + options.managementPortOf(Services.named(service).orElseThrow());
  }

  /** The gateway's base URL, e.g. {@code http://localhost:8080}; fails if it was not started. */
  public String gatewayUrl() {
    return serviceUrl("gateway");
  }

  /**
   * Blocks until a service exits on its own and returns what happened, or returns empty once the
   * stack is being stopped (close, Ctrl-C).
   */
  public Optional<ServiceFailure> awaitFailure() throws InterruptedException {
    while (!closing) {
      for (ServiceProcess process : List.copyOf(processes)) {
        if (!process.isAlive()) {
          // Ctrl-C reaches the services and the launcher at the same moment; give the launcher's
          // shutdown a moment to start before calling this a failure.
          TimeUnit.MILLISECONDS.sleep(1500);
          if (closing || Shutdown.inProgress()) {
            return Optional.empty();
          }
          return Optional.of(ServiceFailure.of(process, "exited"));
        }
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    return Optional.empty();
  }

  /** Stops every service this stack started: SIGTERM to all, then a kill after 10 s. */
  @Override
  public void close() {
    Shutdown.@Nullable Registration current = registration;
    if (current != null) {
      current.cancel();
    }
    stop();
  }

  private synchronized void stop() {
    if (closing && processes.isEmpty()) {
      return;
    }
    closing = true;
    List<ServiceProcess> toStop;
    synchronized (processes) {
      toStop = new ArrayList<>(processes);
      processes.clear();
    }
    Collections.reverse(toStop);
    if (toStop.isEmpty()) {
      return;
    }
    console.step(
        "Stopping " + String.join(", ", toStop.stream().map(ServiceProcess::name).toList()));
    toStop.forEach(ServiceProcess::terminate);
    long deadline = System.nanoTime() + STOP_GRACE.toNanos();
    for (ServiceProcess process : toStop) {
      process.awaitExitOrKill(deadline);
    }
    console.ok("Stopped " + toStop.size() + (toStop.size() == 1 ? " service" : " services"));
  }

  boolean closing() {
    return closing;
  }
}
