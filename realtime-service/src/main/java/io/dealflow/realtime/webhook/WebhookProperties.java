package io.dealflow.realtime.webhook;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook settings ({@code dealflow.realtime.webhooks.*}).
 *
 * @param encryptionKey the AES key (Base64 of 32 bytes) that encrypts endpoints' signing secrets at
 *     rest; required, from the environment ({@code DEALFLOW_REALTIME_WEBHOOKS_ENCRYPTION_KEY}).
 *     Only the dev profile has a default.
 * @param allowPrivateTargets whether endpoints may point at loopback, private, link-local and
 *     similar addresses; only for local development and tests
 * @param retrySchedule the pause before each retry; after the last one a delivery has failed
 * @param jitter the fraction by which each pause is randomly lengthened, so that retries of many
 *     deliveries do not arrive together
 * @param timeout how long one attempt may take, connecting and answering
 * @param maxRetryAfter the longest {@code Retry-After} a receiver is granted
 * @param secretGracePeriod how long the previous secret keeps signing after a rotation
 * @param disableAfter how long an endpoint may fail without a success before it is disabled
 * @param consumerName the event subscription's name (its Kafka consumer group)
 * @param workerEnabled whether this instance sends deliveries
 * @param pollInterval how often the worker looks for due deliveries
 * @param lease how long a claimed delivery belongs to the instance that claimed it
 * @param batchSize deliveries claimed at once
 */
@ConfigurationProperties("dealflow.realtime.webhooks")
record WebhookProperties(
    @Nullable String encryptionKey,
    @DefaultValue("false") boolean allowPrivateTargets,
    @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h"}) List<Duration> retrySchedule,
    @DefaultValue("0.1") double jitter,
    @DefaultValue("15s") Duration timeout,
    @DefaultValue("1h") Duration maxRetryAfter,
    @DefaultValue("24h") Duration secretGracePeriod,
    @DefaultValue("5d") Duration disableAfter,
    @DefaultValue("webhooks") String consumerName,
    @DefaultValue("true") boolean workerEnabled,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("2m") Duration lease,
    @DefaultValue("20") int batchSize) {

  WebhookProperties {
    retrySchedule = List.copyOf(retrySchedule);
  }
}
