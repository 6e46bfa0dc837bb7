package io.dealflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.dealflow.e2e.OtlpReceiver.ReceivedSpan;
import io.dealflow.e2e.RealtimeFlowIT.Received;
import java.io.IOException;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A deal won through the gateway is one trace, as the stack's collector receives it: the gateway's
 * server span, crm's server span and its JDBC calls, the outbox relay's publish, realtime's
 * consumers, the push to the event socket and the webhook delivery, whose {@code traceparent} the
 * partner receives.
 */
class OneTraceIT {

  private static final Duration EXPORT_WAIT = Duration.ofSeconds(30);

  @Test
  void aDealWonIsOneTraceFromTheGatewayToThePartner() throws Exception {
    OtlpReceiver collector = E2eStack.traces();
    var account = Accounts.register(E2eStack.client(), "Trace Followers");
    Http api = E2eStack.client().bearer(account.accessToken());
    BlockingQueue<Received> receiver = new LinkedBlockingQueue<>();
    HttpServer partner = RealtimeFlowIT.partner(receiver);
    try {
      RealtimeFlowIT.subscribe(api, partner, "deal.won", "traced deals");
      BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
      WebSocket socket = Sockets.openEvents(account.accessToken(), events);

      String dealId =
          RealtimeFlowIT.winDeal(api, account.orgId(), "Traced renewal", 12000, events).dealId();
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
      Received delivery = receiver.poll(Sockets.WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(delivery).as("the partner received the webhook").isNotNull();

      ReceivedSpan edge =
          await(
              collector,
              span ->
                  span.service().equals("gateway")
                      && span.kind().equals("SERVER")
                      && span.attributes().getOrDefault("http.url", "").contains(dealId)
                      && "PATCH".equals(span.attributes().get("method")),
              "the gateway's server span of PATCH /api/v1/deals/" + dealId);
      String traceId = edge.traceId();
      assertThat(edge.parentSpanId()).as("the gateway starts the trace").isEmpty();

      List<Predicate<ReceivedSpan>> expected =
          List.of(
              named("crm-service", "SERVER", null),
              jdbc("crm-service"),
              named("crm-service", "PRODUCER", "publish deal.won"),
              named("realtime-service", "CONSUMER", "process deal.won"),
              named("realtime-service", "PRODUCER", "socket push deal.won"),
              named("realtime-service", "CLIENT", "webhook deal.won"));
      List<ReceivedSpan> trace = awaitAll(collector, traceId, expected);

      ReceivedSpan crm = find(trace, named("crm-service", "SERVER", null)).orElseThrow();
      assertThat(byId(trace, crm.parentSpanId()).service())
          .as("crm's server span is a child of a gateway span: %s", trace)
          .isEqualTo("gateway");
      ReceivedSpan publish =
          find(trace, named("crm-service", "PRODUCER", "publish deal.won")).orElseThrow();
      ReceivedSpan webhook =
          find(trace, named("realtime-service", "CLIENT", "webhook deal.won")).orElseThrow();
      assertThat(byId(trace, webhook.parentSpanId()).name())
          .as("the delivery continues the webhook consumer's span")
          .isEqualTo("process deal.won");
      assertThat(
              find(
                      trace,
                      span ->
                          span.name().equals("process deal.won")
                              && span.parentSpanId().equals(publish.spanId()))
                  .isPresent())
          .as("realtime's consumers continue the relay's publish span: %s", trace)
          .isTrue();

      String traceparent = delivery.headers().get("traceparent");
      assertThat(traceparent)
          .as("the partner's traceparent names the delivery span of this trace")
          .isEqualTo("00-" + traceId + "-" + webhook.spanId() + "-01");

      // The gateway's access-log line of the request names the trace and its server span.
      String accessLine = "[" + traceId + "," + edge.spanId() + "]";
      assertThat(gatewayLogLines())
          .as("a gateway log line of PATCH /api/v1/deals/%s carries %s", dealId, accessLine)
          .anyMatch(
              line ->
                  line.contains("," + traceId + "," + edge.spanId() + "]")
                      && line.contains("PATCH /api/v1/deals/" + dealId));
    } finally {
      partner.stop(0);
    }
  }

  private static Predicate<ReceivedSpan> named(String service, String kind, String name) {
    return span ->
        span.service().equals(service)
            && span.kind().equals(kind)
            && (name == null || span.name().equals(name));
  }

  /** A JDBC statement or connection span of datasource-micrometer. */
  private static Predicate<ReceivedSpan> jdbc(String service) {
    return span ->
        span.service().equals(service)
            && (span.name().equals("query") || span.name().equals("connection"))
            && span.attributes().keySet().stream().anyMatch(key -> key.startsWith("jdbc."));
  }

  private static Optional<ReceivedSpan> find(
      List<ReceivedSpan> spans, Predicate<ReceivedSpan> matching) {
    return spans.stream().filter(matching).findFirst();
  }

  private static ReceivedSpan byId(List<ReceivedSpan> spans, String spanId) {
    return find(spans, span -> span.spanId().equals(spanId))
        .orElseThrow(() -> new AssertionError("no span " + spanId + " in " + spans));
  }

  private static ReceivedSpan await(
      OtlpReceiver collector, Predicate<ReceivedSpan> matching, String what) throws Exception {
    long deadline = System.nanoTime() + EXPORT_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ReceivedSpan> found = find(collector.spans(), matching);
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("No " + what + " among " + collector.spans().size() + " spans");
  }

  private static List<ReceivedSpan> awaitAll(
      OtlpReceiver collector, String traceId, List<Predicate<ReceivedSpan>> expected)
      throws Exception {
    long deadline = System.nanoTime() + EXPORT_WAIT.toNanos();
    List<ReceivedSpan> trace = collector.trace(traceId);
    while (System.nanoTime() < deadline) {
      trace = collector.trace(traceId);
      List<ReceivedSpan> current = trace;
      if (expected.stream().allMatch(matching -> find(current, matching).isPresent())) {
        return trace;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Trace " + traceId + " lacks expected spans; it has: " + trace);
  }

  /** The gateway's log in the e2e stack's log folder. */
  private static List<String> gatewayLogLines() throws IOException {
    return Files.readAllLines(Path.of("target", "e2e-logs", "gateway.log"));
  }
}
