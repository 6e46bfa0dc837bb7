package io.dealflow.platform.test;

import io.dealflow.devstack.Devstack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;

/**
 * A one-node KRaft Kafka in a child process that a test can stop (kill) and start again on the same
 * port with the same data, to prove what happens while Kafka is away. The broker runs from this
 * JVM's classpath (Kafka's server classes come with devstack). {@link #startWithScram} adds a
 * listener that only lets in a client with SCRAM-SHA-256 credentials, as a managed Kafka would.
 */
public final class KafkaProcess implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  /** The SCRAM mechanism of the listener {@link #startWithScram} adds. */
  public static final String SCRAM_MECHANISM = "SCRAM-SHA-256";

  private final Path dir;
  private final int port;
  private final int saslPort;
  private final Path config;
  private Process process;

  private KafkaProcess(Path dir, int port, int saslPort, Path config) {
    this.dir = dir;
    this.port = port;
    this.saslPort = saslPort;
    this.config = config;
  }

  /** Formats a new broker's storage and starts it. */
  public static KafkaProcess start() {
    return start(null, null);
  }

  /**
   * Formats a new broker's storage with one SCRAM-SHA-256 user and starts it with, besides its
   * plaintext listener, a {@code SASL_PLAINTEXT} listener ({@link #saslBootstrapServers()}) that
   * only lets that user in.
   */
  public static KafkaProcess startWithScram(String username, String password) {
    return start(username, password);
  }

  private static KafkaProcess start(@Nullable String username, @Nullable String password) {
    boolean scram = username != null;
    try {
      Path dir = Files.createTempDirectory(Devstack.stateDir(), "kafka-process-");
      int port = freePort();
      int controllerPort = freePort();
      int saslPort = scram ? freePort() : -1;
      Path config = dir.resolve("server.properties");
      String sasl = scram ? ",SASL_PLAINTEXT://localhost:" + saslPort : "";
      Files.writeString(
          config,
          String.join(
              "\n",
              "process.roles=broker,controller",
              "node.id=1",
              "controller.quorum.voters=1@localhost:" + controllerPort,
              "listeners=PLAINTEXT://localhost:"
                  + port
                  + sasl
                  + ",CONTROLLER://localhost:"
                  + controllerPort,
              "advertised.listeners=PLAINTEXT://localhost:" + port + sasl,
              "controller.listener.names=CONTROLLER",
              "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"
                  + (scram ? ",SASL_PLAINTEXT:SASL_PLAINTEXT" : ""),
              "inter.broker.listener.name=PLAINTEXT",
              scram ? "sasl.enabled.mechanisms=" + SCRAM_MECHANISM : "",
              scram
                  ? "listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config="
                      + "org.apache.kafka.common.security.scram.ScramLoginModule required;"
                  : "",
              "log.dirs=" + dir.resolve("data"),
              "num.partitions=1",
              "offsets.topic.replication.factor=1",
              "offsets.topic.num.partitions=1",
              "transaction.state.log.replication.factor=1",
              "transaction.state.log.min.isr=1",
              "group.initial.rebalance.delay.ms=0",
              "auto.create.topics.enable=true",
              ""));
      KafkaProcess kafka = new KafkaProcess(dir, port, saslPort, config);
      List<String> format =
          new java.util.ArrayList<>(
              List.of(
                  "kafka.tools.StorageTool",
                  "format",
                  "-t",
                  Uuid.randomUuid().toString(),
                  "-c",
                  config.toString()));
      if (scram) {
        format.addAll(
            List.of(
                "--add-scram",
                SCRAM_MECHANISM + "=[name=" + username + ",password=" + password + "]"));
      }
      kafka.run(format, "format.log").waitFor(60, TimeUnit.SECONDS);
      kafka.startBroker();
      return kafka;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The plaintext listener, open to every client. */
  public String bootstrapServers() {
    return "localhost:" + port;
  }

  /** The SASL listener of a broker started with {@link #startWithScram}. */
  public String saslBootstrapServers() {
    if (saslPort < 0) {
      throw new IllegalStateException("This broker has no SASL listener");
    }
    return "localhost:" + saslPort;
  }

  /** Kills the broker at once (SIGKILL), as a crash would. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts the broker again on the same port with the data it had. */
  public void restart() {
    startBroker();
  }

  @Override
  public void close() {
    kill();
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("Cannot delete " + dir + ": " + e.getMessage());
    }
  }

  private void startBroker() {
    process = run(List.of("kafka.Kafka", config.toString()), "broker.log");
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "The Kafka broker exited with "
                + process.exitValue()
                + "; see "
                + dir.resolve("broker.log"));
      }
      try (Admin admin =
          Admin.create(
              Map.of(
                  AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                  AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                  AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000))) {
        admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
        return;
      } catch (Exception e) {
        last = new IllegalStateException(e);
        sleep(300);
      }
    }
    throw new IllegalStateException("The Kafka broker did not become ready; see " + dir, last);
  }

  private Process run(List<String> mainAndArgs, String logName) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                java,
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path")));
    command.addAll(mainAndArgs);
    try {
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(logName).toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + mainAndArgs.getFirst(), e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
