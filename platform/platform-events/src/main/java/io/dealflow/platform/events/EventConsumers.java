package io.dealflow.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a {@link ConsumerLoop} per {@link EventSubscription} bean, each on its own thread, from the
 * moment the application is ready until it stops. The topics it consumes and their dead-letter
 * topics are created first where Kafka lacks them.
 */
public final class EventConsumers implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

  private final List<EventSubscription> subscriptions;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final KafkaSettings kafka;
  private final DeadLetters deadLetters;
  private final EventsProperties.Consumer settings;
  private final MeterRegistry meters;
  private final List<ConsumerLoop> loops = new ArrayList<>();

  /** Names this instance's own consumer groups (subscriptions every instance receives). */
  private final String instance = UUID.randomUUID().toString();

  private volatile boolean running;

  EventConsumers(
      List<EventSubscription> subscriptions,
      JdbcClient jdbc,
      TransactionTemplate transactions,
      KafkaSettings kafka,
      DeadLetters deadLetters,
      EventsProperties.Consumer settings,
      MeterRegistry meters) {
    this.subscriptions = List.copyOf(subscriptions);
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.kafka = kafka;
    this.deadLetters = deadLetters;
    this.settings = settings;
    this.meters = meters;
  }

  @Override
  public synchronized void start() {
    if (!subscriptions.isEmpty()) {
      createMissingTopics();
    }
    for (EventSubscription subscription : subscriptions) {
      startLoop(subscription);
    }
    running = true;
  }

  private void startLoop(EventSubscription subscription) {
    String group =
        subscription.everyInstance()
            ? kafka.consumerGroup(subscription.name()) + "." + instance
            : kafka.consumerGroup(subscription.name());
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.CLIENT_ID_CONFIG,
                kafka.clientId(subscription.name()),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                100),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    ConsumerLoop loop =
        new ConsumerLoop(
            subscription,
            kafka.consumerGroup(subscription.name()),
            consumer,
            jdbc,
            transactions,
            deadLetters,
            settings,
            meters);
    loops.add(loop);
    Thread thread = new Thread(loop, "events-" + subscription.name());
    thread.setDaemon(true);
    thread.start();
    log.info("Consuming {} as {}", subscription.topics(), group);
  }

  /**
   * Creates the consumed topics and their dead-letter topics with the broker's defaults. Where
   * topics are managed elsewhere (an operator's Kafka) the broker answers that they exist.
   */
  private void createMissingTopics() {
    Set<String> names = new LinkedHashSet<>();
    for (EventSubscription subscription : subscriptions) {
      for (String topic : subscription.topics()) {
        names.add(topic);
        if (!subscription.everyInstance()) {
          names.add(topic + settings.deadLetterSuffix());
        }
      }
    }
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
      var result =
          admin.createTopics(
              names.stream()
                  .map(name -> new NewTopic(name, Optional.empty(), Optional.empty()))
                  .toList());
      for (var entry : result.values().entrySet()) {
        try {
          entry.getValue().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            log.warn("Cannot create topic {}: {}", entry.getKey(), String.valueOf(e.getCause()));
          }
        } catch (TimeoutException e) {
          log.warn("Kafka did not confirm topic {} in time", entry.getKey());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("Cannot check the topics {}: {}", names, e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    loops.forEach(ConsumerLoop::stop);
    for (ConsumerLoop loop : loops) {
      if (!loop.awaitFinished(Duration.ofSeconds(30))) {
        log.warn("Consumer {} did not stop in time", loop.name());
      }
    }
    loops.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Consumers start after everything else and stop first. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }

  /**
   * Stops every consumer at once without committing, as a killed process would; the application
   * keeps running. For tests of what a crash leaves behind.
   */
  synchronized void abandonAll() {
    loops.forEach(ConsumerLoop::abandon);
    for (ConsumerLoop loop : loops) {
      loop.awaitFinished(Duration.ofSeconds(30));
    }
    loops.clear();
  }

  /** Starts the consumers again (after {@link #abandonAll()}), as a restarted process would. */
  synchronized void restart() {
    for (EventSubscription subscription : subscriptions) {
      startLoop(subscription);
    }
  }
}
