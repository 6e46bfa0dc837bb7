package io.dealflow.realtime.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.EventProbe;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.realtime.RunningRealtimeService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An endpoint that keeps failing for longer than {@code disable-after} is disabled, and {@code
 * webhook.endpoint.disabled} says so once.
 */
@DirtiesContext
@TestPropertySource(
    properties = {
      "dealflow.realtime.webhooks.allow-private-targets=true",
      "dealflow.realtime.webhooks.retry-schedule=300ms,300ms,300ms,300ms,300ms,300ms,300ms,300ms",
      "dealflow.realtime.webhooks.jitter=0",
      "dealflow.realtime.webhooks.disable-after=1s",
      "dealflow.realtime.webhooks.poll-interval=100ms",
      "dealflow.realtime.webhooks.consumer-name=webhooks-disabling-it"
    })
class WebhookDisablingIT extends RunningRealtimeService {

  @Test
  void endpointFailingForLongerThanTheLimitIsDisabledAndItsDeliveryWaits() throws Exception {
    TestUsers.TestUser admin = TestUsers.inNewOrganization("admin");
    WebhookApi api = new WebhookApi(baseUrl());
    try (Receiver receiver = new Receiver()) {
      receiver.script(
          "/down",
          Stream.generate(() -> Receiver.Answer.status(500))
              .limit(20)
              .toArray(Receiver.Answer[]::new));
      JsonNode endpoint = api.created(admin.token(), receiver.url("/down"), List.of("*"));
      String endpointId = endpoint.get("id").asString();
      String path = "/api/v1/webhooks/" + endpointId;

      api.post(admin.token(), path + "/test");

      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> !api.get(admin.token(), path).body().get("enabled").asBoolean());
      JsonNode disabled = api.get(admin.token(), path).body();
      Instant firstAttempt = receiver.requests("/down").getFirst().at();
      assertThat(disabled.get("disabledReason").asString()).contains("failed");
      assertThat(Instant.parse(disabled.get("disabledAt").asString()))
          .isAfterOrEqualTo(firstAttempt.plusSeconds(1).minusMillis(50));
      int attemptsWhenDisabled = receiver.requests("/down").size();
      assertThat(attemptsWhenDisabled).isBetween(4, 8);
      JsonNode delivery = api.get(admin.token(), path + "/deliveries").body().get("items").get(0);
      assertThat(delivery.get("status").asString()).isEqualTo("pending");
      await()
          .during(Duration.ofMillis(800))
          .until(() -> receiver.requests("/down").size() == attemptsWhenDisabled);
      try (EventProbe events =
          new EventProbe(
              Devstack.kafka().bootstrapServers(), List.of("webhook.endpoint.disabled"))) {
        EventProbe.Received said =
            events.await(EventProbe.about(endpointId), Duration.ofSeconds(30));
        assertThat(said.envelope().get("orgid").asString()).isEqualTo(admin.orgId().toString());
        assertThat(said.data().get("reason").asString()).contains("failed");
        assertThat(said.data().get("url").asString()).isEqualTo(receiver.url("/down"));
        assertThat(events.allMatching(EventProbe.about(endpointId), Duration.ofSeconds(1)))
            .as("said once, though attempts went on failing")
            .hasSize(1);
      }
    }
  }
}
