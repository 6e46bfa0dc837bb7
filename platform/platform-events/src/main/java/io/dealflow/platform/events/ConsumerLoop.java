package io.dealflow.platform.events;

import io.dealflow.platform.request.TraceContext;
import io.dealflow.platform.tracing.TraceSpan;
import io.dealflow.platform.tracing.Traces;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One subscription's consumer: polls, applies each event once, and commits offsets after the batch.
 *
 * <p>Applying an event is one database transaction that records the event id for this consumer and
 * runs the handler; an event whose id is already recorded is skipped. Offsets are committed only
 * after the batch's effects are, so a crash anywhere re-delivers at most the batch, and the
 * recorded ids make the re-delivery change nothing.
 *
 * <p>What a failure leads to depends on whose fault it is:
 *
 * <ul>
 *   <li>not the event's ({@link Failures#isTransient}: the database unreachable, a timeout): the
 *       event's partition is paused at that event and tried again after a pause that doubles up to
 *       {@code transient-max-backoff}, for as long as it takes — no dead letter;
 *   <li>the event's (unreadable, refused with {@link EventRejectedException}, or still failing
 *       after {@code max-attempts}): the event becomes a dead letter and the consumer moves on;
 *   <li>anything else that escapes (an {@link Error} from a handler, a Kafka client failure): the
 *       Kafka consumer is closed and a new one starts from the last committed offsets after a pause
 *       that doubles up to {@code restart-max-backoff}, so nothing is skipped.
 * </ul>
 *
 * <p>A subscription every instance receives has no group: it is assigned all partitions of its
 * topics and starts at their end, so an instance sees what is published while it runs and no
 * history; partitions added later are picked up from their beginning.
 */
final class ConsumerLoop implements Runnable {

  /** Where a consumer stands, as its health and its {@code up} gauge show it. */
  enum State {
    /** Created, not yet consuming: not in its group yet, or not caught up nor past an event. */
    STARTING,
    /** Consuming. */
    RUNNING,
    /** Holding back partitions after failures that were not the events' fault; retrying. */
    HOLDING,
    /**
     * Failed unexpectedly; starts again after a pause, and stays so until the new consumer is past
     * an event or caught up.
     */
    RESTARTING,
    /** Stopped. */
    STOPPED
  }

  /**
   * What an operator sees of a consumer.
   *
   * @param state where it stands
   * @param topics what it consumes
   * @param restarts how often it failed unexpectedly and started again
   * @param lastError the last failure that held back a partition or restarted it
   * @param lastErrorAt when that was
   */
  record Status(
      State state,
      List<String> topics,
      long restarts,
      @Nullable String lastError,
      @Nullable Instant lastErrorAt) {}

  private enum Outcome {
    /** Applied, skipped as a duplicate, or dead-lettered: move past it. */
    DONE,
    /** Not now (not the event's fault): hold its partition back at it. */
    LATER,
    /** The consumer is stopping. */
    STOPPED
  }

  private static final Logger log = LoggerFactory.getLogger(ConsumerLoop.class);

  /** How often an every-instance consumer looks for partitions added to its topics. */
  private static final Duration PARTITION_CHECK = Duration.ofSeconds(30);

  private final EventSubscription subscription;
  private final String consumerName;
  private final Supplier<Consumer<String, byte[]>> consumers;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final DeadLetters deadLetters;
  private final EventsProperties.Consumer settings;
  private final Counter applied;
  private final Counter duplicates;
  private final Counter deadLettered;
  private final Counter skipped;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final AtomicLong restarts = new AtomicLong();

  /** Partitions held back, and until when (nanoTime). */
  private final Map<TopicPartition, Long> heldUntil = new HashMap<>();

  /** The last hold of partitions not yet past the event they were held at. */
  private final Map<TopicPartition, Duration> holds = new HashMap<>();

  /** For an every-instance consumer: the next offset to deliver, kept across restarts. */
  private final Map<TopicPartition, Long> positions = new HashMap<>();

  private volatile @Nullable Consumer<String, byte[]> consumer;
  private volatile State state = State.STARTING;
  private volatile @Nullable String lastError;
  private volatile @Nullable Instant lastErrorAt;
  private final Traces traces;
  private volatile boolean running = true;
  private volatile boolean abandoned;
  private boolean joined;
  private boolean settled;

  /**
   * @param consumers creates the Kafka consumer, at the start and at each restart
   */
  ConsumerLoop(
      EventSubscription subscription,
      String consumerName,
      Supplier<Consumer<String, byte[]>> consumers,
      JdbcClient jdbc,
      TransactionTemplate transactions,
      DeadLetters deadLetters,
      EventsProperties.Consumer settings,
      MeterRegistry meters,
      Traces traces) {
    this.subscription = subscription;
    this.traces = traces;
    this.consumerName = consumerName;
    this.consumers = consumers;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.deadLetters = deadLetters;
    this.settings = settings;
    this.applied = counter(meters, "applied");
    this.duplicates = counter(meters, "duplicate");
    this.deadLettered = counter(meters, "dead_lettered");
    this.skipped = counter(meters, "skipped");
  }

  private Counter counter(MeterRegistry meters, String outcome) {
    return Counter.builder("dealflow.events.consumed")
        .description("Events a consumer received, by what became of them")
        .tag("consumer", consumerName)
        .tag("outcome", outcome)
        .register(meters);
  }

  @Override
  public void run() {
    Duration pause = settings.restartMinBackoff();
    try {
      while (running) {
        if (state != State.RESTARTING) {
          state = State.STARTING;
        }
        settled = false;
        Consumer<String, byte[]> current = null;
        try {
          current = consumers.get();
          consumer = current;
          if (running) {
            consume(current);
          }
        } catch (WakeupException e) {
          if (running) {
            failed(e);
          }
        } catch (Throwable e) {
          if (running) {
            failed(e);
          } else {
            log.debug("Consumer {} stopping: {}", consumerName, e.toString());
          }
        } finally {
          consumer = null;
          close(current);
        }
        if (running) {
          if (settled) {
            pause = settings.restartMinBackoff();
          }
          log.warn("Consumer {} starts again in {} ms", consumerName, pause.toMillis());
          pauseUnlessStopped(pause);
          pause = min(pause.multipliedBy(2), settings.restartMaxBackoff());
        }
      }
    } finally {
      state = State.STOPPED;
      finished.countDown();
    }
  }

  private void failed(Throwable failure) {
    state = State.RESTARTING;
    restarts.incrementAndGet();
    noteFailure(failure);
    log.error("Consumer {} failed and restarts: {}", consumerName, failure.toString(), failure);
  }

  private void close(@Nullable Consumer<String, byte[]> current) {
    if (current == null) {
      return;
    }
    try {
      current.close(abandoned ? Duration.ZERO : Duration.ofSeconds(5));
    } catch (RuntimeException e) {
      log.debug("Closing consumer {}: {}", consumerName, e.toString());
    }
  }

  private void consume(Consumer<String, byte[]> consumer) {
    heldUntil.clear();
    holds.clear();
    joined = false;
    if (subscription.everyInstance()) {
      assign(consumer);
    } else {
      consumer.subscribe(subscription.topics(), new Rebalance());
    }
    long nextPartitionCheck = System.nanoTime() + PARTITION_CHECK.toNanos();
    while (running) {
      resumeDue(consumer);
      ConsumerRecords<String, byte[]> records = consumer.poll(settings.pollTimeout());
      Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
      boolean stop = false;
      for (TopicPartition partition : records.partitions()) {
        for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
          Outcome outcome = running ? apply(record) : Outcome.STOPPED;
          if (outcome == Outcome.STOPPED) {
            stop = true;
            break;
          }
          if (outcome == Outcome.LATER) {
            consumer.seek(partition, record.offset());
            holdBack(consumer, partition);
            break;
          }
          holds.remove(partition);
          done.put(partition, new OffsetAndMetadata(record.offset() + 1));
          if (subscription.everyInstance()) {
            positions.put(partition, record.offset() + 1);
          }
        }
        if (stop) {
          break;
        }
      }
      if (abandoned) {
        return;
      }
      if (!done.isEmpty() && !subscription.everyInstance()) {
        consumer.commitSync(done);
      }
      if (!settled && joined && (!done.isEmpty() || caughtUp(consumer))) {
        settled = true;
      }
      if (settled) {
        state = holds.isEmpty() ? State.RUNNING : State.HOLDING;
      }
      if (subscription.everyInstance() && System.nanoTime() - nextPartitionCheck > 0) {
        assignAddedPartitions(consumer);
        nextPartitionCheck = System.nanoTime() + PARTITION_CHECK.toNanos();
      }
    }
  }

  /**
   * Assigns an every-instance consumer all partitions of its topics: at the end of each the first
   * time (what was published before this instance ran is not its business), where it left off after
   * a restart.
   */
  private void assign(Consumer<String, byte[]> consumer) {
    List<TopicPartition> partitions = partitionsOf(consumer);
    consumer.assign(partitions);
    List<TopicPartition> fresh = new ArrayList<>();
    for (TopicPartition partition : partitions) {
      Long next = positions.get(partition);
      if (next == null) {
        fresh.add(partition);
      } else {
        consumer.seek(partition, next);
      }
    }
    consumer.seekToEnd(fresh);
    for (TopicPartition partition : fresh) {
      // Resolves the end now: an event published after this returns is delivered.
      positions.put(partition, consumer.position(partition));
    }
    joined = true;
  }

  /** Whether the consumer has fetched everything there was on its partitions (none: true). */
  private static boolean caughtUp(Consumer<String, byte[]> consumer) {
    for (TopicPartition partition : consumer.assignment()) {
      OptionalLong lag = consumer.currentLag(partition);
      if (lag.isEmpty() || lag.getAsLong() > 0) {
        return false;
      }
    }
    return true;
  }

  /** Partitions added to the topics since: everything on them was published while this ran. */
  private void assignAddedPartitions(Consumer<String, byte[]> consumer) {
    List<TopicPartition> partitions = partitionsOf(consumer);
    Set<TopicPartition> added = new HashSet<>(partitions);
    added.removeAll(consumer.assignment());
    if (!added.isEmpty()) {
      consumer.assign(partitions);
      consumer.seekToBeginning(added);
      log.info("Consumer {} assigned added partitions {}", consumerName, added);
    }
  }

  private List<TopicPartition> partitionsOf(Consumer<String, byte[]> consumer) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : subscription.topics()) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic);
      if (infos != null) {
        for (PartitionInfo info : infos) {
          partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
      }
    }
    return partitions;
  }

  private void holdBack(Consumer<String, byte[]> consumer, TopicPartition partition) {
    Duration previous = holds.get(partition);
    Duration hold =
        previous == null
            ? settings.transientMinBackoff()
            : min(previous.multipliedBy(2), settings.transientMaxBackoff());
    holds.put(partition, hold);
    heldUntil.put(partition, System.nanoTime() + hold.toNanos());
    consumer.pause(Set.of(partition));
    state = State.HOLDING;
    log.warn("Consumer {} holds {} back for {} ms", consumerName, partition, hold.toMillis());
  }

  private void resumeDue(Consumer<String, byte[]> consumer) {
    if (heldUntil.isEmpty()) {
      return;
    }
    long now = System.nanoTime();
    Set<TopicPartition> due = new HashSet<>();
    heldUntil.forEach(
        (partition, until) -> {
          if (now - until >= 0) {
            due.add(partition);
          }
        });
    if (!due.isEmpty()) {
      due.forEach(heldUntil::remove);
      due.retainAll(consumer.assignment());
      consumer.resume(due);
    }
  }

  /** Applies one message; see the class comment for what a failure leads to. */
  private Outcome apply(ConsumerRecord<String, byte[]> record) {
    ReceivedEvent event;
    try {
      event = CloudEvents.parse(record.value() == null ? new byte[0] : record.value());
    } catch (IllegalArgumentException unreadable) {
      return bury(record, null, unreadable, 1);
    }
    TraceSpan span =
        traces
            .start("process " + record.topic(), Span.Kind.CONSUMER, parentTrace(record, event))
            .tag("messaging.system", "kafka")
            .tag("messaging.destination.name", record.topic())
            .tag("messaging.consumer.group.name", consumerName)
            .tag("messaging.message.id", event.id().toString())
            .inScope();
    String previousTrace = MDC.get(TraceContext.MDC_KEY);
    String trace = span.traceparent();
    if (trace != null) {
      MDC.put(TraceContext.MDC_KEY, trace);
    }
    try {
      if (subscription.everyInstance()) {
        applyHere(event);
        return Outcome.DONE;
      }
      Throwable last = null;
      for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
        if (!running) {
          return Outcome.STOPPED;
        }
        try {
          boolean fresh = Boolean.TRUE.equals(transactions.execute(status -> applyOnce(event)));
          (fresh ? applied : duplicates).increment();
          return Outcome.DONE;
        } catch (RuntimeException e) {
          last = e instanceof HandlerFailure failure ? failure.getCause() : e;
          if (Failures.isTransient(last)) {
            noteFailure(last);
            log.warn(
                "Consumer {} cannot apply {} {} now, through no fault of the event: {}",
                consumerName,
                event.type(),
                event.id(),
                String.valueOf(last));
            return Outcome.LATER;
          }
          if (last instanceof EventRejectedException) {
            return bury(record, event, last, attempt);
          }
          log.warn(
              "Consumer {} failed on {} {} (attempt {} of {}): {}",
              consumerName,
              event.type(),
              event.id(),
              attempt,
              settings.maxAttempts(),
              String.valueOf(last));
          if (attempt < settings.maxAttempts()) {
            pauseUnlessStopped(settings.backoff().multipliedBy(1L << (attempt - 1)));
          }
        }
      }
      return bury(
          record,
          event,
          last == null ? new IllegalStateException("failed") : last,
          settings.maxAttempts());
    } finally {
      if (previousTrace == null) {
        MDC.remove(TraceContext.MDC_KEY);
      } else {
        MDC.put(TraceContext.MDC_KEY, previousTrace);
      }
      span.close();
    }
  }

  /**
   * The trace an event continues: the relay's publish span (the message's {@code traceparent}
   * header) when there is one, else the request that caused the event (the envelope's).
   */
  private static @Nullable String parentTrace(
      ConsumerRecord<String, byte[]> record, ReceivedEvent event) {
    var header = record.headers().lastHeader(TraceSpan.HEADER);
    return header == null || header.value() == null
        ? event.traceparent()
        : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Runs the handler of a subscription every instance receives: no record, no retry; an exception
   * skips the event, an {@link Error} restarts the consumer at it.
   */
  private void applyHere(ReceivedEvent event) {
    try {
      subscription.handler().handle(event);
      applied.increment();
    } catch (Exception e) {
      skipped.increment();
      log.warn(
          "Consumer {} skipped {} {}: {}", consumerName, event.type(), event.id(), e.toString());
    }
  }

  /** Records the event as applied and runs the handler, in the caller's transaction. */
  private boolean applyOnce(ReceivedEvent event) {
    int recorded =
        jdbc.sql(
                """
                INSERT INTO dealflow_events.applied_event (consumer, event_id)
                VALUES (:consumer, :id) ON CONFLICT DO NOTHING
                """)
            .param("consumer", consumerName)
            .param("id", event.id())
            .update();
    if (recorded == 0) {
      return false;
    }
    try {
      subscription.handler().handle(event);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new HandlerFailure(e);
    }
    return true;
  }

  /** Makes the message a dead letter; when the database cannot take it, tries again later. */
  private Outcome bury(
      ConsumerRecord<String, byte[]> record,
      @Nullable ReceivedEvent event,
      Throwable failure,
      int attempts) {
    try {
      if (deadLetters.bury(
          consumerName,
          record.topic() + settings.deadLetterSuffix(),
          record,
          event,
          failure,
          attempts)) {
        deadLettered.increment();
      }
      return Outcome.DONE;
    } catch (RuntimeException e) {
      noteFailure(e);
      log.error(
          "Consumer {} cannot dead-letter {}-{}@{} now: {}",
          consumerName,
          record.topic(),
          record.partition(),
          record.offset(),
          e.toString());
      return Outcome.LATER;
    }
  }

  private void noteFailure(Throwable failure) {
    lastError = DeadLetters.describe(failure);
    lastErrorAt = Instant.now();
  }

  /** Stops after the message in hand, committing what was applied. */
  void stop() {
    running = false;
    stopping.countDown();
    Consumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
  }

  /**
   * Stops at once without committing anything more, as a killed process would: the next consumer of
   * the group receives the uncommitted messages again.
   */
  void abandon() {
    abandoned = true;
    stop();
  }

  boolean awaitFinished(Duration timeout) {
    try {
      return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  String name() {
    return consumerName;
  }

  List<String> topics() {
    return subscription.topics();
  }

  Status status() {
    return new Status(state, subscription.topics(), restarts.get(), lastError, lastErrorAt);
  }

  /** Waits, or less when the consumer is told to stop meanwhile. */
  private void pauseUnlessStopped(Duration duration) {
    try {
      stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Keeps the held partitions and the state in step with what the group assigns. */
  private final class Rebalance implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      partitions.forEach(heldUntil::remove);
      partitions.forEach(holds::remove);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      joined = true;
    }
  }

  /** A checked exception from a handler, carried through the transaction template. */
  private static final class HandlerFailure extends RuntimeException {
    HandlerFailure(Exception cause) {
      super(cause);
    }
  }
}
