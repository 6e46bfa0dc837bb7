package io.dealflow.platform.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays a subscription's topics through its handler, for an operator rebuilding a read model:
 * from each partition's earliest retained event up to its end as it was when the replay began, in
 * transactions of a batch of events, without a consumer group and without the record of applied
 * ids. What the topics no longer retain cannot be replayed: a read model rebuilt this way needs its
 * topics kept for as long as it looks back.
 *
 * <p>Only for handlers that give the same result however often and in whatever order an event is
 * applied (by event time, inserts that keep the first): the subscription's own consumer goes on
 * while the replay runs, so an event may be applied by both. An event the handler rejects ({@link
 * EventRejectedException}) is counted and skipped, as it went to the dead letters when first
 * consumed; any other failure stops the replay with the batch in hand rolled back.
 */
public final class EventReplay {

  /** What a replay applied. */
  public record Replayed(
      String subscription, long events, long rejected, Map<String, Long> perTopic, Duration took) {}

  private static final Logger log = LoggerFactory.getLogger(EventReplay.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final Map<String, EventSubscription> subscriptions = new LinkedHashMap<>();
  private final KafkaSettings kafka;
  private final TransactionTemplate transactions;

  EventReplay(
      List<EventSubscription> subscriptions,
      KafkaSettings kafka,
      TransactionTemplate transactions) {
    subscriptions.forEach(
        subscription -> this.subscriptions.put(subscription.name(), subscription));
    this.kafka = kafka;
    this.transactions = transactions;
  }

  /** Replays the named subscription's topics up to their current end; {@code batch} per commit. */
  public Replayed replay(String subscriptionName, int batch) {
    EventSubscription subscription = subscriptions.get(subscriptionName);
    if (subscription == null || subscription.everyInstance()) {
      throw new IllegalArgumentException("No once-per-service subscription " + subscriptionName);
    }
    long started = System.nanoTime();
    Map<String, Object> config =
        kafka.consumerConfig("replay-" + subscription.name(), "", Duration.ofSeconds(30));
    config.put("max.poll.records", Math.max(batch, 1));
    Map<String, Long> perTopic = new TreeMap<>();
    long[] rejected = {0};
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : subscription.topics()) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        if (infos != null) {
          infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = new LinkedHashMap<>(consumer.endOffsets(partitions));
      end.entrySet()
          .removeIf(partition -> consumer.position(partition.getKey()) >= partition.getValue());
      log.info(
          "Replaying {} from {} partitions of {}",
          subscription.name(),
          end.size(),
          subscription.topics());
      while (!end.isEmpty()) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          Long until = end.get(partition);
          if (until != null && record.offset() < until) {
            records.add(record);
          }
        }
        transactions.executeWithoutResult(
            status -> {
              for (ConsumerRecord<String, byte[]> record : records) {
                try {
                  subscription.handler().handle(CloudEvents.parse(record.value()));
                  perTopic.merge(record.topic(), 1L, Long::sum);
                } catch (EventRejectedException | IllegalArgumentException rejectedEvent) {
                  rejected[0]++;
                } catch (RuntimeException e) {
                  throw e;
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }
            });
        end.entrySet()
            .removeIf(partition -> consumer.position(partition.getKey()) >= partition.getValue());
      }
    }
    long events = perTopic.values().stream().mapToLong(Long::longValue).sum();
    Replayed replayed =
        new Replayed(
            subscription.name(),
            events,
            rejected[0],
            perTopic,
            Duration.ofNanos(System.nanoTime() - started));
    log.info(
        "Replayed {}: {} events ({} rejected) in {} ms",
        subscription.name(),
        events,
        rejected[0],
        replayed.took().toMillis());
    return replayed;
  }
}
