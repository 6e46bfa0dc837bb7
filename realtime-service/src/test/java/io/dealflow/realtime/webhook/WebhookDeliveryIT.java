package io.dealflow.realtime.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dealflow.platform.secret.SecretBox;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.realtime.RunningRealtimeService;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real deliveries to a real local receiver: signatures, payload, retries, 410, Retry-After. */
@DirtiesContext
@TestPropertySource(
    properties = {
      "dealflow.realtime.webhooks.allow-private-targets=true",
      "dealflow.realtime.webhooks.retry-schedule=200ms,400ms",
      "dealflow.realtime.webhooks.jitter=0",
      "dealflow.realtime.webhooks.secret-grace-period=3s",
      "dealflow.realtime.webhooks.poll-interval=100ms",
      "dealflow.realtime.webhooks.consumer-name=webhooks-delivery-it"
    })
class WebhookDeliveryIT extends RunningRealtimeService {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired private JdbcClient jdbc;
  @Autowired private SecretBox secrets;

  private Receiver receiver;
  private WebhookApi api;
  private TestUsers.TestUser admin;

  @BeforeEach
  void start() throws Exception {
    receiver = new Receiver();
    api = new WebhookApi(baseUrl());
    admin = TestUsers.inNewOrganization("admin");
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void wonDealArrivesSignedWithTheSeedsPayloadAndHeaders() throws Exception {
    JsonNode endpoint = api.created(admin.token(), receiver.url("/won"), List.of("deal.*"));
    api.created(admin.token(), receiver.url("/leads"), List.of("lead.created"));
    Instant wonAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    JsonNode data = TestEvents.dealWon(admin.orgId(), wonAt);

    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests("/won").size() == 1);
    Receiver.Request request = receiver.requests("/won").getFirst();
    String secret = endpoint.get("secret").asString();
    assertThat(
            new PartnerVerifier(secret)
                .verify(
                    request.header("X-Signature"), request.header("X-Timestamp"), request.body()))
        .isTrue();
    assertThat(
            new PartnerVerifier("whsec_someoneelse")
                .verify(
                    request.header("X-Signature"), request.header("X-Timestamp"), request.body()))
        .isFalse();
    assertThat(request.header("X-Signature")).matches("sha256=[0-9a-f]{64}");
    assertThat(Long.parseLong(request.header("X-Timestamp")))
        .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("User-Agent")).isEqualTo("Dealflow-Webhooks/1");
    assertThat(request.header("traceparent")).isEqualTo(TestEvents.TRACEPARENT);

    JsonNode body = JSON.readTree(request.body());
    assertThat(body.propertyNames()).containsExactly("id", "event", "timestamp", "data");
    assertThat(body.get("id").asString()).isEqualTo(request.header("X-Webhook-Id"));
    assertThat(body.get("event").asString()).isEqualTo("deal.won");
    assertThat(Instant.parse(body.get("timestamp").asString())).isEqualTo(wonAt);
    assertThat(body.get("data")).isEqualTo(data);

    JsonNode log = deliveryLog(endpoint);
    assertThat(log.get("items")).hasSize(1);
    assertThat(log.get("items").get(0).get("status").asString()).isEqualTo("succeeded");
    assertThat(log.get("items").get(0).get("attempts").get(0).get("statusCode").asInt())
        .isEqualTo(200);
    assertThat(receiver.requests("/leads")).isEmpty();
    String metrics =
        WebTestClient.bindToServer()
            .baseUrl(managementUrl())
            .build()
            .get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(metrics)
        .contains("dealflow_webhook_deliveries_total{")
        .contains("outcome=\"succeeded\"")
        .contains("dealflow_webhook_attempt_latency_seconds_count")
        .contains("dealflow_webhook_pending");
  }

  @Test
  void anApprovedStrategyArrivesSignedAtAnEndpointSubscribedToIt() throws Exception {
    JsonNode endpoint =
        api.created(admin.token(), receiver.url("/strategies"), List.of("strategy.approved"));
    api.created(admin.token(), receiver.url("/reps"), List.of("rep.assigned"));
    Instant approvedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    JsonNode data = TestEvents.strategyApproved(admin.orgId(), approvedAt);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> receiver.requests("/strategies").size() == 1);
    Receiver.Request request = receiver.requests("/strategies").getFirst();
    assertThat(
            new PartnerVerifier(endpoint.get("secret").asString())
                .verify(
                    request.header("X-Signature"), request.header("X-Timestamp"), request.body()))
        .isTrue();
    JsonNode body = JSON.readTree(request.body());
    assertThat(body.get("event").asString()).isEqualTo("strategy.approved");
    assertThat(Instant.parse(body.get("timestamp").asString())).isEqualTo(approvedAt);
    assertThat(body.get("data")).isEqualTo(data);
    assertThat(receiver.requests("/reps")).isEmpty();
  }

  @Test
  void rotatedSecretSignsWithBothDuringTheGracePeriodAndOnlyTheNewOneAfter() throws Exception {
    JsonNode endpoint = api.created(admin.token(), receiver.url("/rotated"), List.of("*"));
    String id = endpoint.get("id").asString();
    String oldSecret = endpoint.get("secret").asString();

    WebhookApi.Answer rotated =
        api.post(admin.token(), "/api/v1/webhooks/" + id + "/rotate-secret");
    String newSecret = rotated.body().get("secret").asString();
    Instant rotatedAt = Instant.now();
    api.post(admin.token(), "/api/v1/webhooks/" + id + "/test");

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.requests("/rotated").size() == 1);
    Receiver.Request duringGrace = receiver.requests("/rotated").getFirst();
    assertThat(newSecret).isNotEqualTo(oldSecret).startsWith("whsec_");
    assertThat(duringGrace.header("X-Signature").split(" ")).hasSize(2);
    assertThat(verifies(newSecret, duringGrace)).isTrue();
    assertThat(verifies(oldSecret, duringGrace)).isTrue();
    String firstOnly = duringGrace.header("X-Signature").split(" ")[0];
    assertThat(
            new PartnerVerifier(newSecret)
                .verify(firstOnly, duringGrace.header("X-Timestamp"), duringGrace.body()))
        .isTrue();

    await().until(() -> Instant.now().isAfter(rotatedAt.plusSeconds(3)));
    api.post(admin.token(), "/api/v1/webhooks/" + id + "/test");

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.requests("/rotated").size() == 2);
    Receiver.Request afterGrace = receiver.requests("/rotated").get(1);
    assertThat(verifies(newSecret, afterGrace)).isTrue();
    assertThat(verifies(oldSecret, afterGrace)).isFalse();
  }

  @Test
  void theTableHoldsNeitherSigningSecretAsIssued() {
    JsonNode endpoint = api.created(admin.token(), receiver.url("/sealed"), List.of("*"));
    String id = endpoint.get("id").asString();
    String oldSecret = endpoint.get("secret").asString();
    String newSecret =
        api.post(admin.token(), "/api/v1/webhooks/" + id + "/rotate-secret")
            .body()
            .get("secret")
            .asString();

    Map<String, Object> row =
        jdbc.sql("SELECT secret, previous_secret FROM webhook_endpoint WHERE id = :id")
            .param("id", UUID.fromString(id))
            .query()
            .singleRow();
    String storedSecret = (String) row.get("secret");
    String storedPrevious = (String) row.get("previous_secret");
    assertThat(storedSecret).startsWith("v1:").doesNotContain(newSecret).doesNotContain("whsec_");
    assertThat(storedPrevious).startsWith("v1:").doesNotContain(oldSecret);
    assertThat(secrets.open(UUID.fromString(id), storedSecret)).isEqualTo(newSecret);
    assertThat(secrets.open(UUID.fromString(id), storedPrevious)).isEqualTo(oldSecret);
  }

  @Test
  void failingReceiverIsRetriedOnTheScheduleWithEveryAttemptLogged() {
    receiver.script(
        "/flaky",
        Receiver.Answer.status(500),
        Receiver.Answer.status(500),
        Receiver.Answer.status(200));
    JsonNode endpoint = api.created(admin.token(), receiver.url("/flaky"), List.of("*"));

    api.post(admin.token(), "/api/v1/webhooks/" + endpoint.get("id").asString() + "/test");

    await().atMost(Duration.ofSeconds(15)).until(() -> receiver.requests("/flaky").size() == 3);
    List<Receiver.Request> attempts = receiver.requests("/flaky");
    assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
        .isBetween(Duration.ofMillis(200), Duration.ofSeconds(3));
    assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at()))
        .isBetween(Duration.ofMillis(400), Duration.ofSeconds(3));
    assertThat(attempts)
        .extracting(request -> request.header("X-Webhook-Id"))
        .containsOnly(attempts.getFirst().header("X-Webhook-Id"));

    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                deliveryLog(endpoint)
                    .get("items")
                    .get(0)
                    .get("status")
                    .asString()
                    .equals("succeeded"));
    JsonNode delivery = deliveryLog(endpoint).get("items").get(0);
    assertThat(delivery.get("attempts").valueStream().map(a -> a.get("statusCode").asInt()))
        .containsExactly(500, 500, 200);
    assertThat(delivery.get("attempts").get(0).get("responseExcerpt").asString())
        .isEqualTo("answer 500");
    assertThat(delivery.get("attempts").get(0).get("error").asString()).isEqualTo("HTTP 500");
    assertThat(delivery.get("attempts").get(0).get("latencyMs").asLong()).isNotNegative();
    assertThat(delivery.get("attempts").get(0).get("attemptedAt").asString()).isNotBlank();
  }

  @Test
  void goneDisablesTheEndpoint() {
    receiver.script("/gone", Receiver.Answer.status(410));
    JsonNode endpoint = api.created(admin.token(), receiver.url("/gone"), List.of("*"));
    String path = "/api/v1/webhooks/" + endpoint.get("id").asString();

    api.post(admin.token(), path + "/test");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !api.get(admin.token(), path).body().get("enabled").asBoolean());
    JsonNode disabled = api.get(admin.token(), path).body();
    assertThat(disabled.get("disabledReason").asString()).contains("410");
    assertThat(disabled.get("disabledAt").asString()).isNotBlank();
    assertThat(deliveryLog(endpoint).get("items").get(0).get("status").asString())
        .isEqualTo("failed");

    api.post(admin.token(), path + "/test");
    await().during(Duration.ofMillis(800)).until(() -> receiver.requests("/gone").size() == 1);
  }

  @Test
  void tooManyRequestsIsRetriedAfterTheReceiversRetryAfter() {
    receiver.script("/busy", new Receiver.Answer(429, Map.of("Retry-After", "1"), "slow down"));
    JsonNode endpoint = api.created(admin.token(), receiver.url("/busy"), List.of("*"));

    api.post(admin.token(), "/api/v1/webhooks/" + endpoint.get("id").asString() + "/test");

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.requests("/busy").size() == 2);
    List<Receiver.Request> attempts = receiver.requests("/busy");
    assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
        .isBetween(Duration.ofMillis(950), Duration.ofMillis(2500));
  }

  @Test
  void redeliveryResendsTheSameDeliveryOnceMoreAndSinceResendsEverything() {
    JsonNode endpoint = api.created(admin.token(), receiver.url("/again"), List.of("*"));
    String path = "/api/v1/webhooks/" + endpoint.get("id").asString();
    Instant before = Instant.now().minusSeconds(1);
    api.post(admin.token(), path + "/test");
    api.post(admin.token(), path + "/test");
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.requests("/again").size() == 2);
    String firstId = receiver.requests("/again").getFirst().header("X-Webhook-Id");

    WebhookApi.Answer one = api.post(admin.token(), path + "/deliveries/" + firstId + "/redeliver");
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.requests("/again").size() == 3);
    WebhookApi.Answer all =
        api.call(admin.token(), "POST", path + "/redeliver", Map.of("since", before.toString()));

    assertThat(one.status()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(receiver.requests("/again").get(2).header("X-Webhook-Id")).isEqualTo(firstId);
    assertThat(all.body().get("redelivered").asInt()).isEqualTo(2);
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.requests("/again").size() == 5);
    assertThat(
            api.post(admin.token(), path + "/deliveries/" + UUID.randomUUID() + "/redeliver")
                .status())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private boolean verifies(String secret, Receiver.Request request) throws Exception {
    return new PartnerVerifier(secret)
        .verify(request.header("X-Signature"), request.header("X-Timestamp"), request.body());
  }

  private JsonNode deliveryLog(JsonNode endpoint) {
    return api.get(
            admin.token(), "/api/v1/webhooks/" + endpoint.get("id").asString() + "/deliveries")
        .body();
  }
}
