package io.dealflow.platform.events;

import io.dealflow.platform.request.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
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
 * recorded ids make the re-delivery change nothing. A handler that keeps failing has its event sent
 * to the dead-letter topic after the last attempt; a message that is no event at all goes there at
 * once.
 */
final class ConsumerLoop implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(ConsumerLoop.class);

  private final EventSubscription subscription;
  private final String consumerName;
  private final Consumer<String, byte[]> consumer;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final DeadLetters deadLetters;
  private final EventsProperties.Consumer settings;
  private final Counter applied;
  private final Counter duplicates;
  private final Counter deadLettered;
  private final Counter skipped;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile boolean abandoned;

  ConsumerLoop(
      EventSubscription subscription,
      String consumerName,
      Consumer<String, byte[]> consumer,
      JdbcClient jdbc,
      TransactionTemplate transactions,
      DeadLetters deadLetters,
      EventsProperties.Consumer settings,
      MeterRegistry meters) {
    this.subscription = subscription;
    this.consumerName = consumerName;
    this.consumer = consumer;
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
    try {
      consumer.subscribe(subscription.topics());
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(settings.pollTimeout());
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        boolean stuck = false;
        for (TopicPartition partition : records.partitions()) {
          for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
            if (abandoned) {
              return;
            }
            if (!apply(record)) {
              // The dead-letter topic is unreachable: stay on this message, try again later.
              consumer.seek(partition, record.offset());
              stuck = true;
              break;
            }
            done.put(partition, new OffsetAndMetadata(record.offset() + 1));
          }
        }
        if (abandoned) {
          return;
        }
        if (!done.isEmpty()) {
          consumer.commitSync(done);
        }
        if (stuck) {
          sleep(settings.backoff().multipliedBy(10));
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (RuntimeException e) {
      log.error("Consumer {} stopped: {}", consumerName, e.toString(), e);
    } finally {
      try {
        consumer.close(abandoned ? Duration.ZERO : Duration.ofSeconds(5));
      } catch (RuntimeException e) {
        log.debug("Closing consumer {}: {}", consumerName, e.toString());
      }
      finished.countDown();
    }
  }

  /**
   * Applies one message.
   *
   * @return false when it could neither be applied nor dead-lettered, so the consumer must not move
   *     past it
   */
  private boolean apply(ConsumerRecord<String, byte[]> record) {
    ReceivedEvent event;
    try {
      event = CloudEvents.parse(record.value() == null ? new byte[0] : record.value());
    } catch (IllegalArgumentException unreadable) {
      return bury(record, null, unreadable, 1);
    }
    if (subscription.everyInstance()) {
      return applyHere(event);
    }
    String previousTrace = MDC.get(TraceContext.MDC_KEY);
    if (event.traceparent() != null) {
      MDC.put(TraceContext.MDC_KEY, event.traceparent());
    }
    try {
      Throwable last = null;
      for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
        if (abandoned) {
          return false;
        }
        try {
          boolean fresh = Boolean.TRUE.equals(transactions.execute(status -> applyOnce(event)));
          (fresh ? applied : duplicates).increment();
          return true;
        } catch (RuntimeException e) {
          last = e instanceof HandlerFailure failure ? failure.getCause() : e;
          log.warn(
              "Consumer {} failed on {} {} (attempt {} of {}): {}",
              consumerName,
              event.type(),
              event.id(),
              attempt,
              settings.maxAttempts(),
              String.valueOf(last));
          if (attempt < settings.maxAttempts()) {
            sleep(settings.backoff().multipliedBy(1L << (attempt - 1)));
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
    }
  }

  /** Runs the handler of a subscription every instance receives: no record, no retry. */
  private boolean applyHere(ReceivedEvent event) {
    try {
      subscription.handler().handle(event);
      applied.increment();
    } catch (Exception e) {
      skipped.increment();
      log.warn(
          "Consumer {} skipped {} {}: {}", consumerName, event.type(), event.id(), e.toString());
    }
    return true;
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

  private boolean bury(
      ConsumerRecord<String, byte[]> record,
      @Nullable ReceivedEvent event,
      Throwable failure,
      int attempts) {
    try {
      deadLetters.bury(
          consumerName,
          record.topic() + settings.deadLetterSuffix(),
          record,
          event,
          failure,
          attempts);
      deadLettered.increment();
      return true;
    } catch (RuntimeException e) {
      log.error(
          "Consumer {} cannot dead-letter {}-{}@{}: {}",
          consumerName,
          record.topic(),
          record.partition(),
          record.offset(),
          e.toString());
      return false;
    }
  }

  /** Stops after the message in hand, committing what was applied. */
  void stop() {
    running = false;
    consumer.wakeup();
  }

  /**
   * Stops at once without committing anything more, as a killed process would: the next consumer of
   * the group receives the uncommitted messages again.
   */
  void abandon() {
    abandoned = true;
    running = false;
    consumer.wakeup();
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

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A checked exception from a handler, carried through the transaction template. */
  private static final class HandlerFailure extends RuntimeException {
    HandlerFailure(Exception cause) {
      super(cause);
    }
  }
}
