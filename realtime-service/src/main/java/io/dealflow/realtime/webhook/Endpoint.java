package io.dealflow.realtime.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A partner's webhook endpoint: where an organization's matching events are delivered. */
record Endpoint(
    UUID id,
    UUID orgId,
    String url,
    List<String> events,
    @Nullable String description,
    boolean enabled,
    String secret,
    @Nullable String previousSecret,
    @Nullable Instant previousSecretExpiresAt,
    @Nullable Instant failingSince,
    @Nullable String disabledReason,
    @Nullable Instant disabledAt,
    Instant createdAt,
    Instant updatedAt) {

  Endpoint {
    events = List.copyOf(events);
  }

  /** The secrets that sign a delivery sent at {@code now}: the current one first. */
  List<String> signingSecrets(Instant now) {
    List<String> secrets = new ArrayList<>(List.of(secret));
    if (previousSecret != null
        && previousSecretExpiresAt != null
        && now.isBefore(previousSecretExpiresAt)) {
      secrets.add(previousSecret);
    }
    return secrets;
  }

  boolean wants(String eventType) {
    return EventCatalogue.matchesAny(events, eventType);
  }
}
