package io.dealflow.realtime.webhook;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ErrorKind;
import io.dealflow.platform.error.FieldViolation;
import io.dealflow.platform.events.ReceivedEvent;
import io.dealflow.platform.outbound.OutboundTargets;
import io.dealflow.platform.outbound.TargetRefusedException;
import io.dealflow.platform.request.TraceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What the webhook API and the event consumer do with endpoints and deliveries. */
@Service
class Webhooks {

  static final int MAX_EVENTS = 50;
  static final int MAX_DESCRIPTION = 500;
  static final int MAX_URL = 2000;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Endpoints endpoints;
  private final Deliveries deliveries;
  private final OutboundTargets targets;
  private final WebhookProperties properties;
  private final Clock clock;

  Webhooks(
      Endpoints endpoints,
      Deliveries deliveries,
      OutboundTargets targets,
      WebhookProperties properties) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.targets = targets;
    this.properties = properties;
    this.clock = Clock.systemUTC();
  }

  /** An endpoint as just created or rotated, with the secret that is shown only then. */
  record WithSecret(Endpoint endpoint, String secret) {}

  WithSecret create(
      UUID orgId,
      @Nullable String url,
      @Nullable List<String> events,
      @Nullable String description) {
    List<FieldViolation> violations = new ArrayList<>();
    URI target = validUrl(url, violations);
    List<String> filters = validEvents(events, violations);
    validDescription(description, violations);
    refuseIfInvalid(violations);
    checkTarget(target);
    Instant now = clock.instant();
    String secret = Signing.newSecret();
    Endpoint endpoint =
        new Endpoint(
            UUID.randomUUID(),
            orgId,
            target.toString(),
            filters,
            description,
            true,
            secret,
            null,
            null,
            null,
            null,
            null,
            now,
            now);
    endpoints.insert(endpoint);
    return new WithSecret(endpoint, secret);
  }

  Endpoint get(UUID orgId, UUID id) {
    return endpoints.find(orgId, id).orElseThrow(() -> ApiException.notFound("Webhook"));
  }

  List<Endpoint> page(UUID orgId, int limit, int offset) {
    return endpoints.page(orgId, limit, offset);
  }

  long count(UUID orgId) {
    return endpoints.count(orgId);
  }

  Endpoint update(
      UUID orgId,
      UUID id,
      @Nullable String url,
      @Nullable List<String> events,
      @Nullable String description,
      @Nullable Boolean enabled) {
    Endpoint current = get(orgId, id);
    List<FieldViolation> violations = new ArrayList<>();
    URI target = url == null ? null : validUrl(url, violations);
    List<String> filters = events == null ? current.events() : validEvents(events, violations);
    if (description != null) {
      validDescription(description, violations);
    }
    refuseIfInvalid(violations);
    if (target != null) {
      checkTarget(target);
    }
    Endpoint changed =
        new Endpoint(
            current.id(),
            current.orgId(),
            target == null ? current.url() : target.toString(),
            filters,
            description == null ? current.description() : description,
            enabled == null ? current.enabled() : enabled,
            current.secret(),
            current.previousSecret(),
            current.previousSecretExpiresAt(),
            current.failingSince(),
            current.disabledReason(),
            current.disabledAt(),
            current.createdAt(),
            current.updatedAt());
    endpoints.update(changed, clock.instant());
    return get(orgId, id);
  }

  void delete(UUID orgId, UUID id) {
    if (!endpoints.delete(orgId, id)) {
      throw ApiException.notFound("Webhook");
    }
  }

  @Transactional
  WithSecret rotateSecret(UUID orgId, UUID id) {
    get(orgId, id);
    Instant now = clock.instant();
    String secret = Signing.newSecret();
    endpoints.rotateSecret(orgId, id, secret, now.plus(properties.secretGracePeriod()), now);
    return new WithSecret(get(orgId, id), secret);
  }

  /** Queues a {@code webhook.test} ping; it is delivered like any event. */
  UUID test(UUID orgId, UUID id) {
    Endpoint endpoint = get(orgId, id);
    Instant now = clock.instant();
    ObjectNode data = JSON.createObjectNode();
    data.put("webhook_id", endpoint.id().toString());
    data.put("message", "A test delivery from Dealflow");
    UUID deliveryId = UUID.randomUUID();
    deliveries.queue(
        deliveryId,
        endpoint,
        null,
        EventCatalogue.TEST_EVENT,
        payload(deliveryId, EventCatalogue.TEST_EVENT, now, data),
        null,
        now);
    return deliveryId;
  }

  /**
   * Queues a delivery of the event for every enabled endpoint of its organization that wants it.
   * Runs in the event consumer's transaction, so the deliveries exist exactly when the event counts
   * as consumed.
   */
  int queue(ReceivedEvent event) {
    if (event.orgId() == null) {
      return 0;
    }
    int queued = 0;
    Instant now = clock.instant();
    // The consumer's span (platform-events puts it there), so each delivery's span is its child.
    String trace = MDC.get(TraceContext.MDC_KEY);
    for (Endpoint endpoint : endpoints.enabled(event.orgId())) {
      if (endpoint.wants(event.type())) {
        UUID deliveryId = UUID.randomUUID();
        deliveries.queue(
            deliveryId,
            endpoint,
            event.id(),
            event.type(),
            payload(deliveryId, event.type(), event.time(), event.data()),
            trace != null ? trace : event.traceparent(),
            now);
        queued++;
      }
    }
    return queued;
  }

  int redeliver(UUID orgId, UUID id, UUID deliveryId) {
    get(orgId, id);
    int count = deliveries.redeliver(orgId, id, deliveryId, Instant.EPOCH, clock.instant());
    if (count == 0) {
      throw ApiException.notFound("Delivery");
    }
    return count;
  }

  int redeliverSince(UUID orgId, UUID id, Instant since) {
    get(orgId, id);
    return deliveries.redeliver(orgId, id, null, since, clock.instant());
  }

  List<Deliveries.Delivery> deliveries(UUID orgId, UUID id, int limit, int offset) {
    get(orgId, id);
    return deliveries.page(orgId, id, limit, offset);
  }

  long deliveryCount(UUID orgId, UUID id) {
    return deliveries.count(orgId, id);
  }

  Map<UUID, List<Deliveries.Attempt>> attempts(UUID orgId, List<UUID> deliveryIds) {
    return deliveries.attempts(orgId, deliveryIds);
  }

  /** The body partners receive: {@code {"id","event","timestamp","data"}}, nothing else. */
  static String payload(UUID deliveryId, String event, Instant timestamp, JsonNode data) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", deliveryId.toString());
    body.put("event", event);
    body.put("timestamp", timestamp.toString());
    body.set("data", data);
    return JSON.writeValueAsString(body);
  }

  private void checkTarget(URI target) {
    try {
      targets.check(target);
    } catch (TargetRefusedException refused) {
      throw new ApiException(
          ApiError.of(ErrorKind.BAD_REQUEST, refused.getMessage()).withCode("TARGET_NOT_ALLOWED"));
    }
  }

  private static URI validUrl(@Nullable String url, List<FieldViolation> violations) {
    if (url == null || url.isBlank()) {
      violations.add(new FieldViolation("url", "blank", "url can't be blank"));
      return URI.create("https://invalid.invalid/");
    }
    String problem = "url must be an absolute http or https URL, such as https://example.com/hooks";
    if (url.length() > MAX_URL) {
      violations.add(new FieldViolation("url", "too_long", "url is longer than 2000 characters"));
      return URI.create("https://invalid.invalid/");
    }
    try {
      URI uri = new URI(url.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!uri.isAbsolute()
          || !(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getUserInfo() != null) {
        violations.add(new FieldViolation("url", "invalid", problem));
      }
      return uri;
    } catch (URISyntaxException e) {
      violations.add(new FieldViolation("url", "invalid", problem));
      return URI.create("https://invalid.invalid/");
    }
  }

  private static List<String> validEvents(
      @Nullable List<String> events, List<FieldViolation> violations) {
    if (events == null || events.isEmpty()) {
      violations.add(
          new FieldViolation(
              "events",
              "blank",
              "events must name at least one event type, or * for all; the catalogue: "
                  + String.join(", ", EventCatalogue.NAMES)));
      return List.of();
    }
    if (events.size() > MAX_EVENTS) {
      violations.add(new FieldViolation("events", "too_many", "events holds at most 50 filters"));
      return List.of();
    }
    List<String> unknown =
        events.stream()
            .filter(filter -> filter == null || !EventCatalogue.isValidFilter(filter))
            .map(String::valueOf)
            .toList();
    if (!unknown.isEmpty()) {
      violations.add(
          new FieldViolation(
              "events",
              "unknown",
              "Unknown event type "
                  + String.join(", ", unknown)
                  + "; use * or a prefix such as deal.*, or one of: "
                  + String.join(", ", EventCatalogue.NAMES)));
      return List.of();
    }
    return List.copyOf(new LinkedHashSet<>(events));
  }

  private static void validDescription(
      @Nullable String description, List<FieldViolation> violations) {
    if (description != null && description.length() > MAX_DESCRIPTION) {
      violations.add(
          new FieldViolation(
              "description", "too_long", "description is longer than 500 characters"));
    }
  }

  private static void refuseIfInvalid(List<FieldViolation> violations) {
    if (!violations.isEmpty()) {
      throw new ApiException(ApiError.validation(violations));
    }
  }
}
