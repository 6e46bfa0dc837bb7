package io.dealflow.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.ApiClient.Response;
import io.dealflow.platform.test.TestDatabases;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * insights-service running on a random port against a fresh PostgreSQL database, the realm's
 * Keycloak and Kafka. Integration test classes extend this.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"dealflow.security.clock-skew=0s", "dealflow.insights.evaluate-interval=300ms"})
public abstract class RunningInsightsService {

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestDatabases.register(registry, "insights");
    TestDatabases.registerSecurity(registry);
    registry.add("spring.kafka.bootstrap-servers", () -> Devstack.kafka().bootstrapServers());
  }

  /** How long the tests wait for crm's events to be applied. */
  protected static final Duration WAIT = Duration.ofSeconds(60);

  /**
   * Repeats {@code call} (which must answer 200) until its body satisfies {@code done}, as the
   * consumer applies the events; fails after {@link #WAIT}.
   */
  protected static JsonNode until(Supplier<Response> call, Predicate<JsonNode> done) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Response response = call.get();
      assertThat(response.status()).as(response.text()).isEqualTo(200);
      if (done.test(response.json())) {
        return response.json();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT + ": " + response.text());
      }
      pause();
    }
  }

  /** A fifth of a second, between two looks at what the consumer has applied. */
  protected static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  protected ApiClient as(TestUser user) {
    return new ApiClient("http://localhost:" + port + "/api/v1", user.token());
  }

  /** {@code POST /api/v1/chat} with a question about the workspace. */
  protected static Response chat(ApiClient client, UUID workspaceId, String question) {
    return client.post(
        "/chat",
        Map.of(
            "message",
            question,
            "context",
            Map.of("workspace_id", workspaceId, "user_id", UUID.randomUUID())));
  }
}
