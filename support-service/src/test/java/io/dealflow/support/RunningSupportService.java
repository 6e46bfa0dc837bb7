package io.dealflow.support;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.TestDatabases;
import io.dealflow.platform.test.TestUsers.TestUser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * support-service running on a random port against a fresh PostgreSQL database, the realm's
 * Keycloak and Kafka, with its real embedding model. Integration test classes extend this.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"dealflow.security.clock-skew=0s"})
public abstract class RunningSupportService {

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestDatabases.register(registry, "support");
    TestDatabases.registerSecurity(registry);
    registry.add("spring.kafka.bootstrap-servers", () -> Devstack.kafka().bootstrapServers());
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  protected ApiClient as(TestUser user) {
    return new ApiClient(baseUrl() + "/api/v1", user.token());
  }
}
