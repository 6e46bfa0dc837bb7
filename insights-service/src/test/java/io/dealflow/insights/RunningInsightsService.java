package io.dealflow.insights;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.TestDatabases;
import io.dealflow.platform.test.TestUsers.TestUser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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

  protected ApiClient as(TestUser user) {
    return new ApiClient("http://localhost:" + port + "/api/v1", user.token());
  }
}
