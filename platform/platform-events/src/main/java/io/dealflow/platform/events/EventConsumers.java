package io.dealflow.platform.events;

import io.dealflow.platform.tracing.Traces;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
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
 * topics are created first where Kafka lacks them. Each consumer's state is the gauge {@code
 * dealflow.events.consumer.up{consumer}} and a detail of the health indicator {@code
 * eventConsumers}.
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
  private final Traces traces;
  private final List<ConsumerLoop> loops = new ArrayList<>();
  private final Map<String, ConsumerLoop> current = new ConcurrentHashMap<>();

  private volatile boolean running;

  EventConsumers(
      List<EventSubscription> subscriptions,
      JdbcClient jdbc,
      TransactionTemplate transactions,
      KafkaSettings kafka,
      DeadLetters deadLetters,
      EventsProperties.Consumer settings,
      MeterRegistry meters) {
    this(subscriptions, jdbc, transactions, kafka, deadLetters, settings, meters, Traces.OFF);
  }

  /**
   * @param traces each event a consumer applies is a span continuing the event's trace
   */
  EventConsumers(
      List<EventSubscription> subscriptions,
      JdbcClient jdbc,
      TransactionTemplate transactions,
      KafkaSettings kafka,
      DeadLetters deadLetters,
      EventsProperties.Consumer settings,
      MeterRegistry meters,
      Traces traces) {
    this.traces = traces;
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
    String name = kafka.consumerGroup(subscription.name());
    String group = subscription.everyInstance() ? "" : name;
    Map<String, Object> config =
        kafka.consumerConfig(subscription.name(), group, settings.sessionTimeout());
    ConsumerLoop loop =
        new ConsumerLoop(
            subscription,
            name,
            () ->
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
            jdbc,
            transactions,
            deadLetters,
            settings,
            meters,
            traces);
    loops.add(loop);
    current.put(name, loop);
    Gauge.builder("dealflow.events.consumer.up", this, consumers -> consumers.up(name))
        .description("1 while the consumer consumes; 0 while it starts, holds back or restarts")
        .tag("consumer", name)
        .register(meters);
    Thread thread = new Thread(loop, "events-" + subscription.name());
    thread.setDaemon(true);
    thread.start();
    log.info(
        "Consuming {} as {}",
        subscription.topics(),
        subscription.everyInstance() ? name + " (this instance, from the newest event)" : group);
  }

  private double up(String name) {
    ConsumerLoop loop = current.get(name);
    return loop != null && loop.status().state() == ConsumerLoop.State.RUNNING ? 1 : 0;
  }

  /** Each consumer's status, by consumer name (group); empty when the service consumes nothing. */
  Map<String, ConsumerLoop.Status> statuses() {
    Map<String, ConsumerLoop.Status> statuses = new TreeMap<>();
    for (EventSubscription subscription : subscriptions) {
      String name = kafka.consumerGroup(subscription.name());
      ConsumerLoop loop = current.get(name);
      statuses.put(
          name,
          loop == null
              ? new ConsumerLoop.Status(
                  ConsumerLoop.State.STOPPED, subscription.topics(), 0, null, null)
              : loop.status());
    }
    return statuses;
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
    try (Admin admin = Admin.create(kafka.adminConfig("topics"))) {
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
