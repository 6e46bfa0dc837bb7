package io.dealflow.realtime.webhook;

import io.dealflow.platform.event.EventType;
import io.dealflow.platform.events.EventSubscription;
import io.dealflow.platform.outbound.HostResolver;
import io.dealflow.platform.outbound.OutboundTargets;
import io.dealflow.platform.secret.SecretBox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the webhooks to the suite's events, seals their signing secrets and guards where they go.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

  /**
   * Seals signing secrets with {@code dealflow.realtime.webhooks.encryption-key}: the service does
   * not start without it.
   */
  @Bean
  SecretBox webhookSecrets(WebhookProperties properties) {
    return SecretBox.fromKey(
        properties.encryptionKey(),
        "dealflow.realtime.webhooks.encryption-key",
        "DEALFLOW_REALTIME_WEBHOOKS_ENCRYPTION_KEY");
  }

  /**
   * The hosts webhooks may be sent to: public addresses only, unless {@code
   * dealflow.realtime.webhooks.allow-private-targets} is on. A {@link HostResolver} bean replaces
   * the system's resolver (tests).
   */
  @Bean
  OutboundTargets webhookTargets(
      WebhookProperties properties, ObjectProvider<HostResolver> resolver) {
    return new OutboundTargets(
        properties.allowPrivateTargets(), resolver.getIfAvailable(() -> HostResolver.SYSTEM));
  }

  /** Seals the signing secrets that an earlier version stored as issued (V2). */
  @Bean
  SealSigningSecrets sealSigningSecrets(SecretBox webhookSecrets) {
    return new SealSigningSecrets(webhookSecrets);
  }

  /**
   * Every catalogue event, applied once per service: the deliveries it queues are written in the
   * transaction that records the event as consumed, so none is lost or queued twice.
   */
  @Bean
  EventSubscription webhookDeliveries(
      Webhooks webhooks, WebhookProperties properties, DeliveryWorker worker) {
    return EventSubscription.of(
        properties.consumerName(),
        event -> {
          if (webhooks.queue(event) > 0) {
            worker.wakeUpAfterCommit();
          }
        },
        EventCatalogue.TYPES.toArray(EventType<?>[]::new));
  }
}
