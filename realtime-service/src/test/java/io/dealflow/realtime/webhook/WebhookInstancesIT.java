package io.dealflow.realtime.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dealflow.platform.test.TestUsers;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Two instances' workers side by side on one database send every delivery once. */
class WebhookInstancesIT {

  private static final int DELIVERIES = 40;

  @Test
  void twoWorkersSendEachDeliveryExactlyOnce() throws Exception {
    ServiceInstances instances = new ServiceInstances("webhooks-instances-it");
    TestUsers.TestUser admin = TestUsers.inNewOrganization("admin");

    try (Receiver receiver = new Receiver();
        ConfigurableApplicationContext one = instances.start(true);
        ConfigurableApplicationContext two = instances.start(true)) {
      WebhookApi api = new WebhookApi(ServiceInstances.baseUrl(one));
      String path =
          "/api/v1/webhooks/"
              + api.created(admin.token(), receiver.url("/both"), List.of("*"))
                  .get("id")
                  .asString();

      for (int i = 0; i < DELIVERIES; i++) {
        api.post(admin.token(), path + "/test");
      }

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> receiver.requests("/both").size() >= DELIVERIES);
      await()
          .during(Duration.ofSeconds(1))
          .until(() -> receiver.requests("/both").size() == DELIVERIES);
      Set<String> ids = new HashSet<>();
      receiver.requests("/both").forEach(request -> ids.add(request.header("X-Webhook-Id")));
      assertThat(ids).hasSize(DELIVERIES);
    }
  }
}
