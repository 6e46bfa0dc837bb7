package io.dealflow.e2e;

import io.dealflow.devstack.launch.RunningStack;
import io.dealflow.devstack.launch.ServiceDefinition;
import io.dealflow.devstack.launch.Services;
import io.dealflow.devstack.launch.Stack;
import io.dealflow.devstack.launch.StackOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stack these tests run against: started once per test JVM through the same launcher as {@code
 * ./run}, stopped when the JVM exits. Three settings differ from {@code ./run}: tokens get no clock
 * skew (so an expired token is refused at once), the gateway trusts {@code X-Forwarded-For} from
 * loopback so that each test can act as a client of its own address, and every service exports its
 * spans to a local collector ({@link #traces()}).
 */
final class E2eStack {

  private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);
  private static volatile RunningStack stack;
  private static volatile OtlpReceiver traces;

  private E2eStack() {}

  static synchronized RunningStack get() {
    if (stack == null) {
      List<String> jvm = new ArrayList<>(StackOptions.DEV_JVM_ARGUMENTS);
      jvm.add("-Ddealflow.security.clock-skew=0s");
      jvm.add("-Ddealflow.gateway.trusted-proxies=127.0.0.1,::1");
      // Spans leave every second, so that a test finds them soon after the work is done.
      jvm.add("-Dmanagement.opentelemetry.tracing.export.schedule-delay=1s");
      // A deal stalls after seconds, not 14 days, and every workspace is looked at every 2 s.
      jvm.add("-Ddealflow.insights.stalled-after=4s");
      jvm.add("-Ddealflow.insights.sweep-interval=2s");
      traces = OtlpReceiver.start();
      StackOptions options =
          StackOptions.defaults()
              .withOtlpEndpoint(traces.endpoint())
              .withJvmArguments(jvm)
              .withStreamLogs(false)
              .withLogsDir(Path.of("target", "e2e-logs").toAbsolutePath());
      for (ServiceDefinition service : Services.ALL) {
        if (Files.isDirectory(service.moduleDir(options.repositoryRoot()))) {
          options =
              options
                  .withPort(service.name(), freePort())
                  .withManagementPort(service.name(), freePort());
        }
      }
      stack = Stack.start(options);
    }
    return stack;
  }

  /** The collector every service of the stack exports its spans to. */
  static OtlpReceiver traces() {
    get();
    return traces;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A frontend talking to the gateway from an address no other client uses (a documentation range
   * address: nothing is ever sent there, it only names the client).
   */
  static Http client() {
    int n = NEXT_ADDRESS.getAndIncrement();
    String address = "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    return new Http(get().gatewayUrl()).with("X-Forwarded-For", address);
  }

  /** identity-service on its own port, bypassing the gateway. */
  static Http identityDirect() {
    return new Http(get().serviceUrl("identity"));
  }
}
