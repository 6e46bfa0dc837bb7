package io.dealflow.devstack.kafka;

import io.dealflow.devstack.DevstackException;
import io.dealflow.devstack.Kafka;
import io.dealflow.devstack.Source;
import io.dealflow.devstack.support.Docker;
import io.dealflow.devstack.support.Probes;
import io.dealflow.devstack.support.Settings;
import io.dealflow.devstack.support.Shutdown;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.AppInfoParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Resolves Kafka. The embedded fallback is a one-node KRaft broker (combined controller and broker)
 * inside this JVM; it listens on a random port, so its address must always be taken from {@link
 * Kafka#bootstrapServers()}.
 */
public final class KafkaResolver {

  public static final String BOOTSTRAP = "DEALFLOW_KAFKA_BOOTSTRAP";

  static final String LOCAL_HOST = "127.0.0.1";
  static final int LOCAL_PORT = 9092;

  private static final Logger log = LoggerFactory.getLogger(KafkaResolver.class);

  private KafkaResolver() {}

  public static Kafka resolve(Settings settings) {
    var configured = settings.get(BOOTSTRAP);
    if (configured.isPresent()) {
      try {
        String clusterId = clusterId(configured.get(), Duration.ofSeconds(15));
        log.info(
            "Kafka: {} (cluster {}; CONFIGURED via {})", configured.get(), clusterId, BOOTSTRAP);
      } catch (Exception e) {
        throw new DevstackException(
            "Kafka: %s=%s is set, but no Kafka answered there: %s"
                .formatted(BOOTSTRAP, configured.get(), rootMessage(e)),
            e);
      }
      return new Kafka(configured.get(), Source.CONFIGURED);
    }

    String local = LOCAL_HOST + ":" + LOCAL_PORT;
    if (Probes.listening(LOCAL_HOST, LOCAL_PORT)) {
      try {
        String clusterId = clusterId(local, Duration.ofSeconds(5));
        log.info("Kafka: local broker on {} (cluster {}; LOCAL)", local, clusterId);
        return new Kafka(local, Source.LOCAL);
      } catch (Exception e) {
        log.info(
            "Kafka: something listens on {} but is not a Kafka broker ({})", local, rootMessage(e));
      }
    }

    if (Docker.available(settings)) {
      String image = "apache/kafka:" + AppInfoParser.getVersion();
      KafkaContainer container = new KafkaContainer(image);
      container.start();
      Shutdown.register("Kafka container", container::stop);
      log.info("Kafka: container {} on {} (CONTAINER)", image, container.getBootstrapServers());
      return new Kafka(container.getBootstrapServers(), Source.CONTAINER);
    }

    return embedded();
  }

  private static Kafka embedded() {
    long started = System.nanoTime();
    String bootstrap;
    try {
      bootstrap = EmbeddedKafka.start();
    } catch (Exception e) {
      throw new DevstackException(
          ("Kafka: nothing at %s (not set), no broker on %s:%d, no Docker, and the embedded broker"
                  + " did not start: %s")
              .formatted(BOOTSTRAP, LOCAL_HOST, LOCAL_PORT, rootMessage(e)),
          e);
    }
    log.info(
        "Kafka: embedded KRaft broker on {} (EMBEDDED, started in {} ms)",
        bootstrap,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    return new Kafka(bootstrap, Source.EMBEDDED);
  }

  private static String clusterId(String bootstrap, Duration timeout)
      throws ExecutionException, InterruptedException, TimeoutException {
    int millis = (int) timeout.toMillis();
    Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.CLIENT_ID_CONFIG, "dealflow-devstack-probe"));
    try {
      return admin.describeCluster().clusterId().get(millis, TimeUnit.MILLISECONDS);
    } finally {
      // close() without a timeout waits for pending calls without limit when nothing answers.
      admin.close(Duration.ofSeconds(2));
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
