package io.dealflow.realtime.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.realtime.RealtimeServiceApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A delivery is durable from the moment its event is consumed: an instance that stops after queuing
 * it and before sending it loses nothing, and the next instance sends it exactly once.
 */
class WebhookRestartIT {

  @Test
  void deliveryQueuedBeforeAStopArrivesOnceAfterTheRestart() throws Exception {
    var postgres = Devstack.postgres();
    String database = postgres.createFreshDatabase("realtime");
    Map<String, Object> settings = new HashMap<>();
    settings.put("spring.datasource.url", postgres.jdbcUrl(database));
    settings.put("spring.datasource.username", postgres.username());
    settings.put("spring.datasource.password", postgres.password());
    settings.put("dealflow.security.issuer-uri", Devstack.keycloak().issuerUri());
    settings.put("dealflow.security.jwk-set-uri", Devstack.keycloak().jwkSetUri());
    settings.put("spring.kafka.bootstrap-servers", Devstack.kafka().bootstrapServers());
    settings.put("spring.data.redis.host", Devstack.redis().host());
    settings.put("spring.data.redis.port", Devstack.redis().port());
    settings.put("server.port", 0);
    settings.put("dealflow.realtime.webhooks.allow-private-targets", true);
    settings.put("dealflow.realtime.webhooks.poll-interval", "100ms");
    settings.put("dealflow.realtime.webhooks.consumer-name", "webhooks-restart-it");
    TestUsers.TestUser admin = TestUsers.inNewOrganization("admin");

    try (Receiver receiver = new Receiver()) {
      settings.put("dealflow.realtime.webhooks.worker-enabled", false);
      try (ConfigurableApplicationContext consumerOnly = start(settings)) {
        WebhookApi api = new WebhookApi(baseUrl(consumerOnly));
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

      settings.put("dealflow.realtime.webhooks.worker-enabled", true);
      try (ConfigurableApplicationContext restarted = start(settings)) {
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

  private static ConfigurableApplicationContext start(Map<String, Object> settings) {
    return new SpringApplicationBuilder(RealtimeServiceApplication.class)
        .properties(settings)
        .run();
  }

  private static String baseUrl(ConfigurableApplicationContext context) {
    return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
  }
}
