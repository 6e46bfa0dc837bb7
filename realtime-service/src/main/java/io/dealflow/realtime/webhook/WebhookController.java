package io.dealflow.realtime.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Role;
import io.dealflow.platform.security.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /api/v1/webhooks}: an organization's admins manage its endpoints and read their delivery
 * log. The repositories block (JDBC), so every call runs on the bounded elastic scheduler.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

  static final int MAX_LIMIT = 100;

  private final Webhooks webhooks;

  WebhookController(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  record CreateWebhook(
      @Nullable String url, @Nullable List<String> events, @Nullable String description) {}

  record UpdateWebhook(
      @Nullable String url,
      @Nullable List<String> events,
      @Nullable String description,
      @Nullable Boolean enabled) {}

  record RedeliverSince(@Nullable Instant since) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WebhookView(
      UUID id,
      String url,
      List<String> events,
      @Nullable String description,
      boolean enabled,
      @Nullable String disabledReason,
      @Nullable Instant disabledAt,
      @Nullable Instant previousSecretExpiresAt,
      Instant createdAt,
      Instant updatedAt,
      @Nullable String secret) {

    static WebhookView of(Endpoint endpoint, @Nullable String secret) {
      Instant previousExpires = endpoint.previousSecretExpiresAt();
      return new WebhookView(
          endpoint.id(),
          endpoint.url(),
          endpoint.events(),
          endpoint.description(),
          endpoint.enabled(),
          endpoint.disabledReason(),
          endpoint.disabledAt(),
          previousExpires != null && previousExpires.isAfter(Instant.now())
              ? previousExpires
              : null,
          endpoint.createdAt(),
          endpoint.updatedAt(),
          secret);
    }
  }

  record Page<T>(List<T> items, long total, int limit, int offset) {}

  record AttemptView(
      Instant attemptedAt,
      @Nullable Integer statusCode,
      long latencyMs,
      @Nullable String responseExcerpt,
      @Nullable String error) {}

  record DeliveryView(
      UUID id,
      String event,
      @Nullable UUID eventId,
      String status,
      Instant createdAt,
      @Nullable Instant nextAttemptAt,
      @Nullable Instant completedAt,
      List<AttemptView> attempts) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Mono<WebhookView> create(Tenant caller, @RequestBody CreateWebhook body) {
    UUID orgId = admin(caller);
    return blocking(
        () -> {
          Webhooks.WithSecret created =
              webhooks.create(orgId, body.url(), body.events(), body.description());
          return WebhookView.of(created.endpoint(), created.secret());
        });
  }

  @GetMapping
  Mono<Page<WebhookView>> list(
      Tenant caller,
      @RequestParam(defaultValue = "20") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    UUID orgId = admin(caller);
    checkPage(limit, offset);
    return blocking(
        () ->
            new Page<>(
                webhooks.page(orgId, limit, offset).stream()
                    .map(endpoint -> WebhookView.of(endpoint, null))
                    .toList(),
                webhooks.count(orgId),
                limit,
                offset));
  }

  @GetMapping("/{id}")
  Mono<WebhookView> get(Tenant caller, @PathVariable UUID id) {
    UUID orgId = admin(caller);
    return blocking(() -> WebhookView.of(webhooks.get(orgId, id), null));
  }

  @PatchMapping("/{id}")
  Mono<WebhookView> update(Tenant caller, @PathVariable UUID id, @RequestBody UpdateWebhook body) {
    UUID orgId = admin(caller);
    return blocking(
        () ->
            WebhookView.of(
                webhooks.update(
                    orgId, id, body.url(), body.events(), body.description(), body.enabled()),
                null));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> delete(Tenant caller, @PathVariable UUID id) {
    UUID orgId = admin(caller);
    return blocking(
            () -> {
              webhooks.delete(orgId, id);
              return true;
            })
        .then();
  }

  @PostMapping("/{id}/rotate-secret")
  Mono<WebhookView> rotateSecret(Tenant caller, @PathVariable UUID id) {
    UUID orgId = admin(caller);
    return blocking(
        () -> {
          Webhooks.WithSecret rotated = webhooks.rotateSecret(orgId, id);
          return WebhookView.of(rotated.endpoint(), rotated.secret());
        });
  }

  @PostMapping("/{id}/test")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Mono<Map<String, Object>> test(Tenant caller, @PathVariable UUID id) {
    UUID orgId = admin(caller);
    return blocking(
        () -> Map.of("deliveryId", webhooks.test(orgId, id), "event", EventCatalogue.TEST_EVENT));
  }

  @GetMapping("/{id}/deliveries")
  Mono<Page<DeliveryView>> deliveries(
      Tenant caller,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "20") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    UUID orgId = admin(caller);
    checkPage(limit, offset);
    return blocking(
        () -> {
          List<Deliveries.Delivery> page = webhooks.deliveries(orgId, id, limit, offset);
          Map<UUID, List<Deliveries.Attempt>> attempts =
              webhooks.attempts(orgId, page.stream().map(Deliveries.Delivery::id).toList());
          return new Page<>(
              page.stream()
                  .map(
                      delivery ->
                          new DeliveryView(
                              delivery.id(),
                              delivery.eventType(),
                              delivery.eventId(),
                              delivery.status(),
                              delivery.createdAt(),
                              delivery.status().equals("pending") ? delivery.nextAttemptAt() : null,
                              delivery.completedAt(),
                              attempts.getOrDefault(delivery.id(), List.of()).stream()
                                  .map(
                                      attempt ->
                                          new AttemptView(
                                              attempt.attemptedAt(),
                                              attempt.statusCode(),
                                              attempt.latencyMs(),
                                              attempt.responseExcerpt(),
                                              attempt.error()))
                                  .toList()))
                  .toList(),
              webhooks.deliveryCount(orgId, id),
              limit,
              offset);
        });
  }

  @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Mono<Map<String, Object>> redeliver(
      Tenant caller, @PathVariable UUID id, @PathVariable UUID deliveryId) {
    UUID orgId = admin(caller);
    return blocking(() -> Map.of("redelivered", webhooks.redeliver(orgId, id, deliveryId)));
  }

  @PostMapping("/{id}/redeliver")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Mono<Map<String, Object>> redeliverSince(
      Tenant caller, @PathVariable UUID id, @RequestBody RedeliverSince body) {
    UUID orgId = admin(caller);
    Instant since = body.since();
    if (since == null) {
      throw ApiException.invalid("since", "blank", "since must be an ISO-8601 time");
    }
    return blocking(() -> Map.of("redelivered", webhooks.redeliverSince(orgId, id, since)));
  }

  private static UUID admin(Tenant caller) {
    UUID orgId = caller.orgId();
    if (orgId == null || !caller.hasRoleIn(orgId, Role.ADMIN)) {
      throw ApiException.forbidden("Only an organization's admins manage its webhooks");
    }
    return orgId;
  }

  private static void checkPage(int limit, int offset) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.invalid("limit", "invalid", "limit must be between 1 and 100");
    }
    if (offset < 0) {
      throw ApiException.invalid("offset", "invalid", "offset can't be negative");
    }
  }

  private static <T> Mono<T> blocking(Callable<T> work) {
    return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
  }
}
