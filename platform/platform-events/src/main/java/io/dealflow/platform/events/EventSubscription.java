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
 * @param delivery whether one instance of the service applies each event, or every instance sees it
 */
public record EventSubscription(
    String name, List<String> topics, EventHandler handler, Delivery delivery) {

  /** Who among a service's instances receives an event. */
  public enum Delivery {
    /**
     * One instance applies each event, once in effect (a consumer group shared by the instances,
     * applied ids recorded with the effect, retries, dead letters). For what changes state.
     */
    ONCE_PER_SERVICE,
    /**
     * Every running instance sees every event published while it runs (assigned every partition, no
     * consumer group, nothing committed, starting at the newest event), without transaction, record
     * or retry: a handler's exception is logged and the event skipped. For what each instance holds
     * itself, such as its open sockets.
     */
    EVERY_INSTANCE
  }

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

  /** A subscription whose events one instance of the service applies, once in effect. */
  public static EventSubscription of(String name, EventHandler handler, EventType<?>... types) {
    return new EventSubscription(
        name,
        Arrays.stream(types).map(EventType::topic).toList(),
        handler,
        Delivery.ONCE_PER_SERVICE);
  }

  /** A subscription whose events every running instance of the service sees. */
  public static EventSubscription everyInstance(
      String name, EventHandler handler, List<String> topics) {
    return new EventSubscription(name, topics, handler, Delivery.EVERY_INSTANCE);
  }

  boolean everyInstance() {
    return delivery == Delivery.EVERY_INSTANCE;
  }
}
