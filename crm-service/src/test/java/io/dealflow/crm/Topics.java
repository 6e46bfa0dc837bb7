package io.dealflow.crm;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.EventProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Reads what crm-service published on Kafka, as a consumer would: the CloudEvents envelopes of one
 * aggregate (the event's subject) on one topic. Each event read is checked against the AsyncAPI
 * document by {@link EventProbe}.
 */
public final class Topics {

  private static final Duration WAIT = Duration.ofSeconds(20);

  /** How long to keep reading after the expected events arrived, to see any duplicate. */
  private static final Duration QUIET = Duration.ofMillis(1500);

  private Topics() {}

  /** Exactly the events the aggregate has on the topic, once {@code expected} have arrived. */
  public static List<JsonNode> events(String topic, UUID aggregateId, int expected) {
    Predicate<EventProbe.Received> matching =
        EventProbe.ofType(topic).and(EventProbe.about(aggregateId));
    try (EventProbe probe = new EventProbe(Devstack.kafka().bootstrapServers(), List.of(topic))) {
      probe.awaitCount(matching, expected, WAIT);
      return probe.allMatching(matching, QUIET).stream()
          .map(EventProbe.Received::envelope)
          .toList();
    }
  }

  /** The {@code data} of exactly one event of the aggregate on the topic. */
  public static JsonNode single(String topic, UUID aggregateId) {
    List<JsonNode> events = events(topic, aggregateId, 1);
    if (events.size() != 1) {
      throw new AssertionError(
          "Expected one " + topic + " event for " + aggregateId + ", got " + events);
    }
    return events.getFirst().get("data");
  }
}
