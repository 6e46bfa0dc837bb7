package io.dealflow.playbook;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.TestDatabases;
import io.dealflow.platform.test.TestUsers.TestUser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * playbook-service running on a random port against a fresh PostgreSQL database, the realm's
 * Keycloak and Kafka. Integration test classes extend this; tokens come from {@code TestUsers}
 * (users of any organization) or, where membership matters, from {@link RunningIdentity}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "dealflow.security.clock-skew=0s")
public abstract class RunningPlaybookService {

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestDatabases.register(registry, "playbook");
    TestDatabases.registerSecurity(registry);
    registry.add("spring.kafka.bootstrap-servers", () -> Devstack.kafka().bootstrapServers());
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  protected Sailwind as(String token) {
    return new Sailwind(baseUrl() + "/api/v1/sailwind", token);
  }

  protected Sailwind as(TestUser user) {
    return as(user.token());
  }
}
