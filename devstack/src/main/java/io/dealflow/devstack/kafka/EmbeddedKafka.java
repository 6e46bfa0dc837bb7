package io.dealflow.devstack.kafka;

import io.dealflow.devstack.support.Shutdown;
import io.dealflow.devstack.support.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-node KRaft cluster (combined controller and broker) in this JVM, built with Kafka's own
 * test kit. Its data lives in a directory devstack owns: the kit's default temporary directory is
 * deleted by a JVM shutdown hook of Kafka's, which raced with stopping the broker.
 */
final class EmbeddedKafka {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

  private EmbeddedKafka() {}

  /** Starts the broker and returns its bootstrap servers (a random port on localhost). */
  static String start() throws Exception {
    // Kafka calls Exit on fatal errors; inside a test JVM or the launcher that must not end the
    // whole process.
    Exit.setExitProcedure(
        (status, message) -> log.error("Embedded Kafka wanted to exit ({}): {}", status, message));
    Exit.setHaltProcedure(
        (status, message) -> log.error("Embedded Kafka wanted to halt ({}): {}", status, message));
    Path dataDir = Files.createTempDirectory("dealflow-kafka-");
    TestKitNodes nodes =
        new TestKitNodes.Builder()
            .setCombined(true)
            .setNumBrokerNodes(1)
            .setNumControllerNodes(1)
            .setBaseDirectory(dataDir)
            .build();
    KafkaClusterTestKit cluster =
        new KafkaClusterTestKit.Builder(nodes)
            .setConfigProp("auto.create.topics.enable", "true")
            .setConfigProp("num.partitions", "1")
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .build();
    try {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
    } catch (Exception e) {
      closeQuietly(cluster, dataDir);
      throw e;
    }
    Shutdown.register("embedded Kafka", () -> closeQuietly(cluster, dataDir));
    return cluster.bootstrapServers();
  }

  private static void closeQuietly(KafkaClusterTestKit cluster, Path dataDir) {
    try {
      cluster.close();
    } catch (Exception e) {
      log.warn("Stopping the embedded Kafka failed: {}", e.toString());
    }
    try {
      Workspace.deleteRecursively(dataDir);
    } catch (UncheckedIOException e) {
      log.warn(
          "Cannot delete {}: {}",
          dataDir,
          e.getCause() instanceof IOException io ? io.getMessage() : e.getMessage());
    }
  }
}
