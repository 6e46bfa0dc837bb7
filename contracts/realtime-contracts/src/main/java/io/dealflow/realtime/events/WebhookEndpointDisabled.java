package io.dealflow.realtime.events;

import java.time.Instant;
import java.util.UUID;

/**
 * realtime-service stopped delivering to a partner's webhook endpoint: it answered 410 Gone, or
 * every attempt failed for longer than the configured period. An admin enables it again.
 *
 * @param endpointId the endpoint
 * @param url where it pointed
 * @param reason why it was disabled, for a person to read
 * @param disabledAt when
 */
public record WebhookEndpointDisabled(
    UUID endpointId, String url, String reason, Instant disabledAt) {}
