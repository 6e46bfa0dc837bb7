package io.dealflow.realtime.webhook;

import io.dealflow.platform.event.EventType;
import io.dealflow.platform.events.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the webhooks to the suite's events. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

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
