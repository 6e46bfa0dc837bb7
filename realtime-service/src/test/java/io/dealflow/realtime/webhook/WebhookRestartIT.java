package io.dealflow.realtime.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dealflow.platform.test.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A delivery is durable from the moment its event is consumed: an instance that stops after queuing
 * it and before sending it loses nothing, and the next instance sends it exactly once.
 */
class WebhookRestartIT {

  @Test
  void deliveryQueuedBeforeAStopArrivesOnceAfterTheRestart() throws Exception {
    ServiceInstances instances = new ServiceInstances("webhooks-restart-it");
    TestUsers.TestUser admin = TestUsers.inNewOrganization("admin");

    try (Receiver receiver = new Receiver()) {
      try (ConfigurableApplicationContext consumerOnly = instances.start(false)) {
        WebhookApi api = new WebhookApi(ServiceInstances.baseUrl(consumerOnly));
        api.created(admin.token(), receiver.url("/restart"), List.of("deal.won"));
        TestEvents.dealWon(admin.orgId(), Instant.now());
        JdbcClient jdbc = consumerOnly.getBean(JdbcClient.class);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE status = 'pending'")
                            .query(Long.class)
                            .single()
                        == 1);
        await().during(Duration.ofMillis(500)).until(() -> receiver.requests("/restart").isEmpty());
      }

      try (ConfigurableApplicationContext restarted = instances.start(true)) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> !receiver.requests("/restart").isEmpty());
        await()
            .during(Duration.ofSeconds(2))
            .until(() -> receiver.requests("/restart").size() == 1);
        assertThat(
                receiver.requests("/restart").stream()
                    .map(request -> request.header("X-Webhook-Id"))
                    .distinct())
            .hasSize(1);
      }
    }
  }
}
