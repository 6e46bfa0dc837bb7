package io.dealflow.platform.events;

import io.dealflow.platform.event.EventType;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A consumer of some event types: declare one as a bean and the platform runs it. Each subscription
 * is its own Kafka consumer group ({@code <application name>.<name>}) with its own record of
 * applied event ids, so two subscriptions never hide each other's work.
 *
 * @param name the consumer's name within its service, e.g. {@code lead-scoring}
 * @param topics the event types it consumes
 * @param handler what it does with each one
 */
public record EventSubscription(String name, List<String> topics, EventHandler handler) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  public EventSubscription {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "A subscription name is lower-case letters, digits and dashes, not '" + name + "'");
    }
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("Subscription " + name + " names no event type");
    }
    topics = List.copyOf(topics);
  }

  public static EventSubscription of(String name, EventHandler handler, EventType<?>... types) {
    return new EventSubscription(
        name, Arrays.stream(types).map(EventType::topic).toList(), handler);
  }
}
