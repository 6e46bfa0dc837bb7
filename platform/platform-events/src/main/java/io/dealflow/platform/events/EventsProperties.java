package io.dealflow.platform.events;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dealflow.events.*}: where events go and how hard the platform tries.
 *
 * @param enabled whether this service writes and consumes events at all
 * @param bootstrapServers Kafka; defaults to {@code spring.kafka.bootstrap-servers}
 * @param source the CloudEvents {@code source} of this service's events; defaults to {@code
 *     /dealflow/<spring.application.name>}
 * @param relay how the outbox is published
 * @param consumer how consumers apply events
 */
@ConfigurationProperties("dealflow.events")
public record EventsProperties(
    @DefaultValue("true") boolean enabled,
    @Nullable String bootstrapServers,
    @Nullable String source,
    @DefaultValue Relay relay,
    @DefaultValue Consumer consumer) {

  /**
   * The outbox relay.
   *
   * @param interval how often it looks for events it was not woken for (written by another
   *     instance, or left while Kafka was down)
   * @param batchSize events per round
   * @param minBackoff the pause after a round in which Kafka failed, doubled per failed round
   * @param maxBackoff the longest such pause
   * @param sendTimeout how long one round waits for Kafka to acknowledge
   */
  public record Relay(
      @DefaultValue("1s") Duration interval,
      @DefaultValue("200") int batchSize,
      @DefaultValue("1s") Duration minBackoff,
      @DefaultValue("30s") Duration maxBackoff,
      @DefaultValue("10s") Duration sendTimeout) {}

  /**
   * Consumers.
   *
   * @param maxAttempts attempts at one event before it goes to the dead-letter topic, when it fails
   *     on its own (a failure of what the handler depends on is retried without limit)
   * @param backoff the pause after the first failed attempt, doubled after each further one
   * @param pollTimeout the longest one poll of Kafka waits
   * @param deadLetterSuffix appended to a topic's name to name its dead-letter topic
   * @param sessionTimeout how long Kafka waits for a silent consumer (a crashed instance) before it
   *     gives its partitions to the others
   * @param transientMinBackoff how long a partition is held back after a failure that is not the
   *     event's (database unreachable, a timeout), doubled after each further one
   * @param transientMaxBackoff the longest such hold
   * @param restartMinBackoff the pause before a consumer that failed unexpectedly starts again,
   *     doubled after each further failure before it got going
   * @param restartMaxBackoff the longest such pause
   */
  public record Consumer(
      @DefaultValue("4") int maxAttempts,
      @DefaultValue("200ms") Duration backoff,
      @DefaultValue("500ms") Duration pollTimeout,
      @DefaultValue(".dlt") String deadLetterSuffix,
      @DefaultValue("45s") Duration sessionTimeout,
      @DefaultValue("1s") Duration transientMinBackoff,
      @DefaultValue("5m") Duration transientMaxBackoff,
      @DefaultValue("1s") Duration restartMinBackoff,
      @DefaultValue("5m") Duration restartMaxBackoff) {}
}
