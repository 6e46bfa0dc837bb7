package io.dealflow.platform.events;

import io.dealflow.platform.tracing.TraceSpan;
import io.dealflow.platform.tracing.Traces;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox to Kafka, oldest first, and deletes what Kafka acknowledged. Besides events
 * the outbox holds dead letters' messages for the dead-letter topics, each as it was received.
 *
 * <ul>
 *   <li>One relay at a time per database: a round holds a transaction-scoped advisory lock, so
 *       several instances of a service never publish the same rows side by side, and events leave
 *       in the order they were written.
 *   <li>Kafka down (a retriable failure): the round stops at the first event that failed and
 *       deletes only what was acknowledged before it, then the relay pauses with exponential
 *       backoff. Nothing is skipped, so one aggregate's events keep their order: a round sends
 *       nothing more after a send that failed at once, and the idempotent producer fails the later
 *       in-flight sends to a partition after one of them failed. An event acknowledged after the
 *       failure may be published again, which consumers absorb (they apply each event id once).
 *   <li>Kafka refusing one event for good (too large, invalid topic): that row is parked with the
 *       reason, for an operator, and the rest flow on.
 * </ul>
 *
 * <p>It is woken after every commit that appended events, and also looks every {@code interval} for
 * rows it was not woken for (another instance's, or those left while Kafka was down).
 */
final class OutboxRelay implements SmartLifecycle, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final long LOCK_KEY = 0x6465616c666c6f77L; // "dealflow"

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Producer<String, byte[]> producer;
  private final EventsProperties.Relay settings;
  private final Traces traces;
  private final AtomicBoolean wakeupPending = new AtomicBoolean();
  private final Object roundLock = new Object();
  private @Nullable ScheduledExecutorService executor;
  private volatile long pausedUntilNanos;
  private volatile Duration backoff;
  private volatile boolean running;

  OutboxRelay(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      Producer<String, byte[]> producer,
      EventsProperties.Relay settings) {
    this(jdbc, transactions, producer, settings, Traces.OFF);
  }

  /**
   * @param traces each event's publish becomes a span continuing the trace the event carries
   */
  OutboxRelay(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      Producer<String, byte[]> producer,
      EventsProperties.Relay settings,
      Traces traces) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.producer = producer;
    this.settings = settings;
    this.traces = traces;
    this.backoff = settings.minBackoff();
  }

  /** Asks for a round soon; cheap to call after every commit. */
  void wakeUp() {
    ScheduledExecutorService current = executor;
    if (running && current != null && wakeupPending.compareAndSet(false, true)) {
      current.execute(
          () -> {
            wakeupPending.set(false);
            drain();
          });
    }
  }

  /**
   * Publishes until the outbox is empty, Kafka fails or the relay stops.
   *
   * @return how many events were published
   */
  int drain() {
    int published = 0;
    if (System.nanoTime() - pausedUntilNanos < 0) {
      return 0;
    }
    synchronized (roundLock) {
      while (running) {
        Round round;
        try {
          round = transactions.execute(status -> publishRound());
        } catch (RuntimeException e) {
          log.warn("Outbox round failed: {}", e.toString());
          pause();
          return published;
        }
        if (round == null) {
          return published;
        }
        published += round.published();
        if (round.kafkaFailure() != null) {
          log.warn(
              "Kafka did not take event {} ({}); {} published this round, pausing {} ms",
              round.failedEventId(),
              round.kafkaFailure(),
              round.published(),
              backoff.toMillis());
          pause();
          return published;
        }
        backoff = settings.minBackoff();
        if (round.size() < settings.batchSize()) {
          return published;
        }
      }
    }
    return published;
  }

  private void pause() {
    pausedUntilNanos = System.nanoTime() + backoff.toNanos();
    Duration doubled = backoff.multipliedBy(2);
    backoff = doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
  }

  private Round publishRound() {
    Boolean locked =
        jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)")
            .param("key", LOCK_KEY)
            .query(Boolean.class)
            .single();
    if (!Boolean.TRUE.equals(locked)) {
      return new Round(0, 0, null, null);
    }
    List<PendingEvent> batch =
        jdbc.sql(
                """
                SELECT seq, id, topic, event_key, envelope, payload, headers::text AS headers
                FROM dealflow_events.outbox
                WHERE parked_at IS NULL ORDER BY seq LIMIT :limit
                """)
            .param("limit", settings.batchSize())
            .query(
                (rs, row) ->
                    new PendingEvent(
                        rs.getLong("seq"),
                        rs.getObject("id", UUID.class),
                        rs.getString("topic"),
                        rs.getString("event_key"),
                        rs.getString("envelope"),
                        rs.getBytes("payload"),
                        rs.getString("headers")))
            .list();
    if (batch.isEmpty()) {
      return new Round(0, 0, null, null);
    }
    List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
    List<TraceSpan> spans = new ArrayList<>(batch.size());
    for (PendingEvent event : batch) {
      TraceSpan span = publishSpan(event);
      spans.add(span);
      Future<RecordMetadata> send = send(event, span);
      sends.add(send);
      if (send.isDone() && send.state() == Future.State.FAILED) {
        // Kafka unreachable: a later event sent now could overtake this one on a retry.
        break;
      }
    }
    producer.flush();
    long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
    List<Long> acknowledged = new ArrayList<>();
    int published = 0;
    for (int i = 0; i < sends.size(); i++) {
      PendingEvent event = batch.get(i);
      Throwable failure = outcome(sends.get(i), deadline);
      end(spans.get(i), failure);
      if (failure == null) {
        acknowledged.add(event.seq());
        published++;
      } else if (isRetriable(failure)) {
        delete(acknowledged);
        recordAttempt(event.seq(), failure, false);
        spans.subList(i + 1, spans.size()).forEach(TraceSpan::close);
        return new Round(batch.size(), published, failure.toString(), event.id());
      } else {
        log.error(
            "Kafka refused event {} on {} for good; parked: {}",
            event.id(),
            event.topic(),
            failure.toString());
        recordAttempt(event.seq(), failure, true);
      }
    }
    delete(acknowledged);
    return new Round(batch.size(), published, null, null);
  }

  /**
   * A producer span for an event, child of the trace context stored in its envelope (the request
   * that wrote it); a message kept as it was (a dead letter) gets none.
   */
  private TraceSpan publishSpan(PendingEvent event) {
    String envelope = event.envelope();
    if (envelope == null || !traces.on()) {
      return traces.start("publish " + event.topic(), Span.Kind.PRODUCER, null);
    }
    return traces
        .start("publish " + event.topic(), Span.Kind.PRODUCER, CloudEvents.traceparent(envelope))
        .tag("messaging.system", "kafka")
        .tag("messaging.destination.name", event.topic())
        .tag("messaging.message.id", event.id().toString());
  }

  private static void end(TraceSpan span, @Nullable Throwable failure) {
    if (failure != null) {
      span.error(failure);
    }
    span.close();
  }

  private Future<RecordMetadata> send(PendingEvent event, TraceSpan span) {
    ProducerRecord<String, byte[]> record;
    String envelope = event.envelope();
    if (envelope != null) {
      record =
          new ProducerRecord<>(
              event.topic(), event.key(), envelope.getBytes(StandardCharsets.UTF_8));
      record
          .headers()
          .add(
              new RecordHeader(
                  "content-type", CloudEvents.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
      String traceparent = traces.on() ? span.traceparent() : null;
      if (traceparent != null) {
        // The publish span, for consumers to continue; the envelope keeps the request's.
        record
            .headers()
            .add(new RecordHeader(TraceSpan.HEADER, traceparent.getBytes(StandardCharsets.UTF_8)));
      }
    } else {
      // A message kept as it was (a dead letter): its own bytes and headers.
      record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
      StoredHeaders.read(event.headers()).forEach(record.headers()::add);
    }
    try {
      return producer.send(record);
    } catch (RuntimeException e) {
      // send() itself throws when metadata cannot be had in max.block.ms (Kafka unreachable).
      return CompletableFuture.failedFuture(e);
    }
  }

  private static @Nullable Throwable outcome(Future<RecordMetadata> send, long deadlineNanos) {
    try {
      send.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause() == null ? e : e.getCause();
    } catch (TimeoutException e) {
      return new org.apache.kafka.common.errors.TimeoutException("No acknowledgement in time");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new InterruptException(e);
    }
  }

  /**
   * Whether trying again later can succeed: everything but Kafka refusing the record itself (too
   * large, a topic name it rejects, no permission for the topic) counts as Kafka being away.
   */
  static boolean isRetriable(Throwable failure) {
    return !(failure instanceof RecordTooLargeException
        || failure instanceof InvalidTopicException
        || failure instanceof SerializationException
        || failure instanceof TopicAuthorizationException);
  }

  private void delete(List<Long> seqs) {
    if (!seqs.isEmpty()) {
      jdbc.sql("DELETE FROM dealflow_events.outbox WHERE seq IN (:seqs)")
          .param("seqs", seqs)
          .update();
    }
  }

  private void recordAttempt(long seq, Throwable failure, boolean park) {
    jdbc.sql(
            """
            UPDATE dealflow_events.outbox
            SET attempts = attempts + 1, last_error = :error,
                parked_at = CASE WHEN :park THEN now() ELSE parked_at END
            WHERE seq = :seq
            """)
        .param("error", truncate(failure.toString()))
        .param("park", park)
        .param("seq", seq)
        .update();
  }

  private static String truncate(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 2000);
  }

  @Override
  public void start() {
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "outbox-relay");
              thread.setDaemon(true);
              return thread;
            });
    executor = scheduler;
    running = true;
    long interval = settings.interval().toMillis();
    scheduler.scheduleWithFixedDelay(this::drainQuietly, 0, interval, TimeUnit.MILLISECONDS);
  }

  private void drainQuietly() {
    try {
      drain();
    } catch (RuntimeException e) {
      log.warn("Outbox relay round failed: {}", e.toString());
    }
  }

  @Override
  public void stop() {
    running = false;
    ScheduledExecutorService current = executor;
    if (current != null) {
      current.shutdown();
      try {
        if (!current.awaitTermination(
            settings.sendTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
          current.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Closes the Kafka producer when the application context is destroyed; {@link #stop()} keeps it,
   * so that a stopped context (a paused test context, a lifecycle restart) relays again on {@link
   * #start()}.
   */
  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** After consumers: stopping a service stops consuming before it stops publishing. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 100;
  }

  /** A row to publish: an event's envelope, or a message kept as it was (payload and headers). */
  private record PendingEvent(
      long seq,
      UUID id,
      String topic,
      @Nullable String key,
      @Nullable String envelope,
      byte @Nullable [] payload,
      @Nullable String headers) {}

  private record Round(
      int size, int published, @Nullable String kafkaFailure, @Nullable UUID failedEventId) {}
}
