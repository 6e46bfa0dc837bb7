package io.dealflow.realtime.webhook;

import io.dealflow.platform.events.Outbox;
import io.dealflow.realtime.events.RealtimeEvents;
import io.dealflow.realtime.events.WebhookEndpointDisabled;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries, on every instance side by side: each round claims due rows with a lease
 * ({@link Deliveries#claimDue}), sends them in parallel on virtual threads and records each attempt
 * with its outcome. Blocking I/O stays off the WebFlux event loop.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final int EXCERPT_BYTES = 1024;
  private static final String USER_AGENT = "Dealflow-Webhooks/1";

  private final Deliveries deliveries;
  private final Endpoints endpoints;
  private final TargetGuard guard;
  private final WebhookProperties properties;
  private final TransactionTemplate transactions;
  private final Outbox outbox;
  private final MeterRegistry meters;
  private final Timer latency;
  private final Clock clock = Clock.systemUTC();
  private final HttpClient http;

  private volatile @Nullable ScheduledExecutorService poller;
  private volatile @Nullable ExecutorService senders;

  DeliveryWorker(
      Deliveries deliveries,
      Endpoints endpoints,
      TargetGuard guard,
      WebhookProperties properties,
      TransactionTemplate transactions,
      Outbox outbox,
      MeterRegistry meters) {
    this.outbox = outbox;
    this.deliveries = deliveries;
    this.endpoints = endpoints;
    this.guard = guard;
    this.properties = properties;
    this.transactions = transactions;
    this.meters = meters;
    this.latency =
        Timer.builder("dealflow.webhook.attempt.latency")
            .description("How long a webhook attempt took, until the receiver answered or failed")
            .register(meters);
    Gauge.builder("dealflow.webhook.pending", deliveries, Deliveries::pending)
        .description("Webhook deliveries waiting to be sent or retried")
        .register(meters);
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(properties.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public void start() {
    if (!properties.workerEnabled()) {
      return;
    }
    senders = Executors.newVirtualThreadPerTaskExecutor();
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().name("webhook-worker").daemon().unstarted(runnable));
    poller = scheduler;
    long interval = properties.pollInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    ScheduledExecutorService scheduler = poller;
    ExecutorService sending = senders;
    poller = null;
    senders = null;
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    if (sending != null) {
      sending.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return poller != null;
  }

  /** Looks for due deliveries as soon as the current transaction has committed the new ones. */
  void wakeUpAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              wakeUp();
            }
          });
    } else {
      wakeUp();
    }
  }

  private void wakeUp() {
    ScheduledExecutorService scheduler = poller;
    if (scheduler != null && !scheduler.isShutdown()) {
      scheduler.execute(this::round);
    }
  }

  /** One round on the worker thread; rounds never overlap on one instance. */
  private void round() {
    try {
      List<Deliveries.Delivery> due;
      do {
        Instant now = clock.instant();
        due = deliveries.claimDue(now, now.plus(properties.lease()), properties.batchSize());
        ExecutorService sending = senders;
        if (sending == null) {
          return;
        }
        List<Future<?>> sends = new ArrayList<>();
        for (Deliveries.Delivery delivery : due) {
          sends.add(sending.submit(() -> attempt(delivery)));
        }
        for (Future<?> send : sends) {
          send.get();
        }
      } while (due.size() == properties.batchSize());
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | RuntimeException e) {
      log.error("Webhook delivery round failed; the claimed deliveries retry after their lease", e);
    }
  }

  private void attempt(Deliveries.Delivery delivery) {
    Optional<Endpoint> found = endpoints.find(delivery.endpointId());
    if (found.isEmpty()) {
      return;
    }
    Endpoint endpoint = found.get();
    Instant started = clock.instant();
    long startNanos = System.nanoTime();
    Result result = send(endpoint, delivery, started);
    long latencyMs = Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    latency.record(Duration.ofMillis(latencyMs));
    Instant now = clock.instant();
    String outcome =
        transactions.execute(
            status -> {
              deliveries.recordAttempt(
                  delivery.orgId(),
                  delivery.id(),
                  new Deliveries.Attempt(
                      started, result.statusCode(), latencyMs, result.excerpt(), result.error()));
              return conclude(endpoint, delivery, result, now);
            });
    Counter.builder("dealflow.webhook.deliveries")
        .description("Webhook attempts by outcome")
        .tag("outcome", String.valueOf(outcome))
        .register(meters)
        .increment();
  }

  /** Applies an attempt's result to the delivery and the endpoint; answers the outcome. */
  private String conclude(
      Endpoint endpoint, Deliveries.Delivery delivery, Result result, Instant now) {
    int attempts = delivery.attemptCount() + 1;
    if (result.succeeded()) {
      deliveries.complete(delivery.id(), "succeeded", attempts, now);
      endpoints.succeeded(endpoint.id());
      return "succeeded";
    }
    if (Integer.valueOf(410).equals(result.statusCode())) {
      deliveries.complete(delivery.id(), "failed", attempts, now);
      disable(endpoint, "The endpoint answered 410 Gone", now);
      return "gone";
    }
    String outcome;
    List<Duration> schedule = properties.retrySchedule();
    if (attempts > schedule.size()) {
      deliveries.complete(delivery.id(), "failed", attempts, now);
      outcome = "failed";
    } else {
      Duration pause =
          result.retryAfter() != null ? result.retryAfter() : jittered(schedule.get(attempts - 1));
      deliveries.retryAt(delivery.id(), attempts, now.plus(pause));
      outcome = "retrying";
    }
    Instant failingSince = endpoints.failing(endpoint.id(), now);
    if (!failingSince.plus(properties.disableAfter()).isAfter(now)) {
      disable(
          endpoint,
          "Every attempt since "
              + failingSince
              + " failed (limit "
              + properties.disableAfter()
              + ")",
          now);
    }
    return outcome;
  }

  /** Disables the endpoint and, in the same transaction, tells the suite. */
  private void disable(Endpoint endpoint, String reason, Instant now) {
    if (!endpoints.disable(endpoint.id(), reason, now)) {
      return;
    }
    outbox.append(
        RealtimeEvents.WEBHOOK_ENDPOINT_DISABLED,
        endpoint.id(),
        endpoint.orgId(),
        new WebhookEndpointDisabled(endpoint.id(), endpoint.url(), reason, now));
    log.warn(
        "Webhook endpoint {} of organization {} disabled: {}",
        endpoint.id(),
        endpoint.orgId(),
        reason);
  }

  private Duration jittered(Duration pause) {
    double factor = 1 + ThreadLocalRandom.current().nextDouble() * properties.jitter();
    return Duration.ofMillis(Math.round(pause.toMillis() * factor));
  }

  private record Result(
      @Nullable Integer statusCode,
      @Nullable String excerpt,
      @Nullable String error,
      @Nullable Duration retryAfter) {

    boolean succeeded() {
      return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
  }

  private Result send(Endpoint endpoint, Deliveries.Delivery delivery, Instant now) {
    URI target = URI.create(endpoint.url());
    try {
      guard.check(target);
    } catch (TargetGuard.TargetNotAllowed refused) {
      return new Result(null, null, "TARGET_NOT_ALLOWED: " + refused.getMessage(), null);
    }
    long timestamp = now.getEpochSecond();
    String signatures =
        endpoint.signingSecrets(now).stream()
            .map(secret -> Signing.signature(secret, timestamp, delivery.payload()))
            .collect(Collectors.joining(" "));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(properties.timeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .header("X-Webhook-Id", delivery.id().toString())
            .header("X-Timestamp", Long.toString(timestamp))
            .header("X-Signature", signatures)
            .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8));
    if (delivery.traceparent() != null) {
      request.header("traceparent", delivery.traceparent());
    }
    try {
      HttpResponse<InputStream> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      String excerpt;
      try (InputStream body = response.body()) {
        excerpt = new String(body.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8);
      }
      int status = response.statusCode();
      Duration retryAfter =
          status == 429 || status == 503
              ? response.headers().firstValue("Retry-After").map(this::retryAfter).orElse(null)
              : null;
      String error = status >= 200 && status < 300 ? null : "HTTP " + status;
      return new Result(status, excerpt, error, retryAfter);
    } catch (HttpTimeoutException e) {
      return new Result(null, null, "Timed out after " + properties.timeout(), null);
    } catch (IOException e) {
      return new Result(null, null, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(null, null, "Interrupted: the instance is stopping", null);
    }
  }

  /** {@code Retry-After} in seconds or as an HTTP date, kept within {@code max-retry-after}. */
  private @Nullable Duration retryAfter(String value) {
    Duration wanted;
    try {
      wanted = Duration.ofSeconds(Long.parseLong(value.trim()));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        wanted = Duration.between(clock.instant(), at.toInstant());
      } catch (DateTimeParseException neither) {
        return null;
      }
    }
    if (wanted.isNegative()) {
      return Duration.ZERO;
    }
    return wanted.compareTo(properties.maxRetryAfter()) > 0 ? properties.maxRetryAfter() : wanted;
  }
}
