package io.dealflow.realtime.events;

import io.dealflow.platform.event.EventType;
import java.util.List;

/** Every event realtime-service publishes; each name is also its Kafka topic. */
public final class RealtimeEvents {

  public static final EventType<WebhookEndpointDisabled> WEBHOOK_ENDPOINT_DISABLED =
      EventType.of("webhook.endpoint.disabled", WebhookEndpointDisabled.class);

  public static final List<EventType<?>> ALL = List.of(WEBHOOK_ENDPOINT_DISABLED);

  private RealtimeEvents() {}
}
