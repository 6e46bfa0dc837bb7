package io.dealflow.realtime.webhook;

import io.dealflow.platform.events.Outbox;
import io.dealflow.platform.outbound.OutboundHttp;
import io.dealflow.platform.outbound.OutboundTargets;
import io.dealflow.platform.outbound.TargetRefusedException;
import io.dealflow.platform.tracing.TraceSpan;
import io.dealflow.platform.tracing.Traces;
import io.dealflow.realtime.events.RealtimeEvents;
import io.dealflow.realtime.events.WebhookEndpointDisabled;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
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
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries, on every instance side by side: each round claims due rows with a lease
 * ({@link Deliveries#claimDue}), sends them in parallel on virtual threads and records each attempt
 * with its outcome. Blocking I/O stays off the WebFlux event loop. Each connection goes to an
 * address that {@link OutboundTargets} checked when it resolved the host for it ({@link
 * OutboundHttp}), so a DNS answer that turns inward after the check is never connected to.
 */
@Component
class DeliveryWorker implements SmartLifecycle, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final int EXCERPT_BYTES = 1024;
  private static final String USER_AGENT = "Dealflow-Webhooks/1";
  private static final ContentType JSON_BODY = ContentType.create("application/json");

  private final Deliveries deliveries;
  private final Endpoints endpoints;
  private final WebhookProperties properties;
  private final TransactionTemplate transactions;
  private final Outbox outbox;
  private final MeterRegistry meters;
  private final Traces traces;
  private final Timer latency;
  private final Clock clock = Clock.systemUTC();
  private final CloseableHttpClient http;

  private volatile @Nullable ScheduledExecutorService poller;
  private volatile @Nullable ExecutorService senders;

  DeliveryWorker(
      Deliveries deliveries,
      Endpoints endpoints,
      OutboundTargets targets,
      WebhookProperties properties,
      TransactionTemplate transactions,
      Outbox outbox,
      MeterRegistry meters,
      Traces traces) {
    this.outbox = outbox;
    this.traces = traces;
    this.deliveries = deliveries;
    this.endpoints = endpoints;
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
    // A round may send its whole batch to one receiver's host at once.
    this.http =
        OutboundHttp.client(
            targets, properties.timeout(), properties.timeout(), properties.batchSize());
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

  /** Closes the client's pooled connections with the application. */
  @Override
  public void destroy() throws IOException {
    http.close();
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
    long timestamp = now.getEpochSecond();
    String signatures =
        endpoint.signingSecrets(now).stream()
            .map(secret -> Signing.signature(secret, timestamp, delivery.payload()))
            .collect(Collectors.joining(" "));
    try (TraceSpan span =
        traces
            .start("webhook " + delivery.eventType(), Span.Kind.CLIENT, delivery.traceparent())
            .tag("http.request.method", "POST")
            .tag("server.address", String.valueOf(target.getHost()))
            .tag("dealflow.webhook.endpoint", endpoint.id().toString())
            .tag("dealflow.webhook.delivery", delivery.id().toString())) {
      Result result = send(target, timestamp, signatures, delivery, span.traceparent());
      span.tag(
          "http.response.status_code",
          result.statusCode() == null ? "none" : result.statusCode().toString());
      if (!result.succeeded()) {
        span.error(new IllegalStateException(String.valueOf(result.error())));
      }
      return result;
    }
  }

  /**
   * One POST to the partner; {@code traceparent} is the delivery's span, so the partner's work
   * joins the trace of the change that caused the event.
   */
  private Result send(
      URI target,
      long timestamp,
      String signatures,
      Deliveries.Delivery delivery,
      @Nullable String traceparent) {
    HttpPost request = new HttpPost(target);
    request.setHeader("Content-Type", "application/json");
    request.setHeader("User-Agent", USER_AGENT);
    request.setHeader("X-Webhook-Id", delivery.id().toString());
    request.setHeader("X-Timestamp", Long.toString(timestamp));
    request.setHeader("X-Signature", signatures);
    if (traceparent != null) {
      request.setHeader(TraceSpan.HEADER, traceparent);
    }
    request.setEntity(
        new ByteArrayEntity(delivery.payload().getBytes(StandardCharsets.UTF_8), JSON_BODY));
    try {
      return http.execute(
          request,
          response -> {
            String excerpt = "";
            if (response.getEntity() != null) {
              try (InputStream body = response.getEntity().getContent()) {
                excerpt = new String(body.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8);
              }
            }
            int status = response.getCode();
            Header retryAfterHeader =
                status == 429 || status == 503 ? response.getFirstHeader("Retry-After") : null;
            Duration retryAfter =
                retryAfterHeader == null ? null : retryAfter(retryAfterHeader.getValue());
            String error = status >= 200 && status < 300 ? null : "HTTP " + status;
            return new Result(status, excerpt, error, retryAfter);
          });
    } catch (TargetRefusedException refused) {
      return new Result(null, null, "TARGET_NOT_ALLOWED: " + refused.getMessage(), null);
    } catch (SocketTimeoutException e) {
      return new Result(null, null, "Timed out after " + properties.timeout(), null);
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      return new Result(null, null, "Interrupted: the instance is stopping", null);
    } catch (IOException e) {
      return new Result(null, null, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
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
