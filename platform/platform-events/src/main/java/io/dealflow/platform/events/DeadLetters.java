package io.dealflow.platform.events;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages consumers gave up on. Each is recorded in the service's database and sent, through the
 * outbox, to the dead-letter topic ({@code <topic>.dlt}, with the reason and origin in headers) for
 * whatever watches Kafka. An operator lists them and replays one once the cause is fixed: replaying
 * sends the original message to its topic again, and the consumers that already applied it skip it.
 */
public final class DeadLetters implements AutoCloseable {

  static final String HEADER_REASON = "dealflow-dlt-reason";
  static final String HEADER_CONSUMER = "dealflow-dlt-consumer";
  static final String HEADER_TOPIC = "dealflow-dlt-topic";
  static final String HEADER_PARTITION = "dealflow-dlt-partition";
  static final String HEADER_OFFSET = "dealflow-dlt-offset";
  static final String HEADER_ID = "dealflow-dlt-id";
  static final String HEADER_REPLAY_OF = "dealflow-replay-of";

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Producer<String, byte[]> producer;
  private final Runnable afterRecorded;

  /**
   * @param producer sends replays
   * @param afterRecorded run once a dead letter was recorded (wakes the outbox relay)
   */
  DeadLetters(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      Producer<String, byte[]> producer,
      Runnable afterRecorded) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.producer = producer;
    this.afterRecorded = afterRecorded;
  }

  /**
   * A dead letter as an operator sees it.
   *
   * @param id its id, to replay it by
   * @param consumer the consumer that gave up
   * @param topic where the message was
   * @param partition its partition
   * @param offset its offset
   * @param eventId the event's id, when the message was a readable event
   * @param eventType the event's type, when readable
   * @param orgId the event's organization, when readable
   * @param reason why the consumer gave up (the last failure)
   * @param attempts how often it tried
   * @param createdAt when it gave up
   * @param replayedAt when it was last replayed, if ever
   */
  public record DeadLetter(
      UUID id,
      String consumer,
      String topic,
      int partition,
      long offset,
      @Nullable UUID eventId,
      @Nullable String eventType,
      @Nullable UUID orgId,
      String reason,
      int attempts,
      Instant createdAt,
      @Nullable Instant replayedAt) {}

  /**
   * Records the message as a dead letter and, in the same transaction, appends it to the outbox for
   * the dead-letter topic; the consumer moves past the message only once that transaction has
   * committed. The letter's origin (consumer, topic, partition, offset) is unique, so a message
   * buried again — Kafka delivering it once more after a crash or a rebalance, or a retry after the
   * commit's answer was lost — changes nothing: one row in the table, one message for the topic.
   *
   * @return whether this call recorded it (false: it was recorded before)
   * @throws org.springframework.dao.DataAccessException when the database did not take it: the
   *     consumer must not move past the message
   */
  boolean bury(
      String consumer,
      String deadLetterTopic,
      ConsumerRecord<String, byte[]> record,
      @Nullable ReceivedEvent event,
      Throwable failure,
      int attempts) {
    String reason = describe(failure);
    UUID id = UUID.randomUUID();
    byte[] payload = record.value() == null ? new byte[0] : record.value();
    Boolean recorded =
        transactions.execute(
            status -> {
              int inserted =
                  jdbc.sql(
                          """
                          INSERT INTO dealflow_events.dead_letter
                            (id, consumer, topic, kafka_partition, kafka_offset, event_key,
                             event_id, event_type, org_id, payload, reason, attempts)
                          VALUES (:id, :consumer, :topic, :partition, :offset, :key, :eventId,
                                  :eventType, :orgId, :payload, :reason, :attempts)
                          ON CONFLICT (consumer, topic, kafka_partition, kafka_offset) DO NOTHING
                          """)
                      .param("id", id)
                      .param("consumer", consumer)
                      .param("topic", record.topic())
                      .param("partition", record.partition())
                      .param("offset", record.offset())
                      .param("key", record.key())
                      .param("eventId", event == null ? null : event.id())
                      .param("eventType", event == null ? null : event.type())
                      .param("orgId", event == null ? null : event.orgId())
                      .param("payload", payload)
                      .param("reason", reason)
                      .param("attempts", attempts)
                      .update();
              if (inserted == 0) {
                return false;
              }
              List<Header> headers = new ArrayList<>();
              record.headers().forEach(headers::add);
              headers.add(header(HEADER_REASON, reason));
              headers.add(header(HEADER_CONSUMER, consumer));
              headers.add(header(HEADER_TOPIC, record.topic()));
              headers.add(header(HEADER_PARTITION, Integer.toString(record.partition())));
              headers.add(header(HEADER_OFFSET, Long.toString(record.offset())));
              headers.add(header(HEADER_ID, id.toString()));
              jdbc.sql(
                      """
                      INSERT INTO dealflow_events.outbox
                        (id, topic, event_key, org_id, payload, headers)
                      VALUES (:id, :topic, :key, :orgId, :payload, CAST(:headers AS jsonb))
                      """)
                  .param("id", id)
                  .param("topic", deadLetterTopic)
                  .param("key", record.key())
                  .param("orgId", event == null ? null : event.orgId())
                  .param("payload", payload)
                  .param("headers", StoredHeaders.write(headers))
                  .update();
              TransactionSynchronizationManager.registerSynchronization(
                  new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                      afterRecorded.run();
                    }
                  });
              return true;
            });
    boolean fresh = Boolean.TRUE.equals(recorded);
    if (fresh) {
      log.error(
          "Consumer {} gave up on {}-{}@{} (event {}) after {} attempts, sending it to {}: {}",
          consumer,
          record.topic(),
          record.partition(),
          record.offset(),
          event == null ? "unreadable" : event.id(),
          attempts,
          deadLetterTopic,
          reason);
    }
    return fresh;
  }

  /** The dead letters, newest first; with {@code openOnly}, those never replayed. */
  public List<DeadLetter> list(boolean openOnly, int limit) {
    return jdbc.sql(
            "SELECT * FROM dealflow_events.dead_letter"
                + (openOnly ? " WHERE replayed_at IS NULL" : "")
                + " ORDER BY created_at DESC LIMIT :limit")
        .param("limit", Math.max(1, Math.min(limit, 1000)))
        .query(DeadLetters::map)
        .list();
  }

  public Optional<DeadLetter> find(UUID id) {
    return jdbc.sql("SELECT * FROM dealflow_events.dead_letter WHERE id = :id")
        .param("id", id)
        .query(DeadLetters::map)
        .optional();
  }

  /** How many dead letters were never replayed. */
  public long openCount() {
    return jdbc.sql("SELECT count(*) FROM dealflow_events.dead_letter WHERE replayed_at IS NULL")
        .query(Long.class)
        .single();
  }

  /**
   * Sends a dead letter's original message to its topic again.
   *
   * @return the replayed letter, or empty when there is none with this id
   */
  public Optional<DeadLetter> replay(UUID id) {
    record Stored(String topic, @Nullable String key, byte[] payload) {}
    Optional<Stored> stored =
        jdbc.sql("SELECT topic, event_key, payload FROM dealflow_events.dead_letter WHERE id = :id")
            .param("id", id)
            .query(
                (rs, row) ->
                    new Stored(
                        rs.getString("topic"), rs.getString("event_key"), rs.getBytes("payload")))
            .optional();
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    ProducerRecord<String, byte[]> message =
        new ProducerRecord<>(stored.get().topic(), stored.get().key(), stored.get().payload());
    message
        .headers()
        .add(header("content-type", CloudEvents.CONTENT_TYPE))
        .add(header(HEADER_REPLAY_OF, id.toString()));
    send(message);
    jdbc.sql("UPDATE dealflow_events.dead_letter SET replayed_at = now() WHERE id = :id")
        .param("id", id)
        .update();
    log.info("Dead letter {} replayed to {}", id, stored.get().topic());
    return find(id);
  }

  /** Closes the Kafka producer when the application context is destroyed. */
  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }

  private void send(ProducerRecord<String, byte[]> record) {
    try {
      producer.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new DeadLetterException(
          "Kafka did not take the message for " + record.topic(), e.getCause());
    } catch (TimeoutException | RuntimeException e) {
      throw new DeadLetterException("Kafka did not take the message for " + record.topic(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeadLetterException("Interrupted while sending to " + record.topic(), e);
    }
  }

  static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder(failure.toString());
    for (Throwable cause = failure.getCause();
        cause != null && cause != failure && text.length() < 1500;
        cause = cause.getCause()) {
      text.append(" <- ").append(cause);
    }
    return text.length() <= 2000 ? text.toString() : text.substring(0, 2000);
  }

  private static RecordHeader header(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static DeadLetter map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime replayed = rs.getObject("replayed_at", OffsetDateTime.class);
    return new DeadLetter(
        rs.getObject("id", UUID.class),
        rs.getString("consumer"),
        rs.getString("topic"),
        rs.getInt("kafka_partition"),
        rs.getLong("kafka_offset"),
        rs.getObject("event_id", UUID.class),
        rs.getString("event_type"),
        rs.getObject("org_id", UUID.class),
        rs.getString("reason"),
        rs.getInt("attempts"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        replayed == null ? null : replayed.toInstant());
  }

  /** Kafka did not take a dead letter or a replay. */
  static final class DeadLetterException extends RuntimeException {
    DeadLetterException(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }
}
