package io.dealflow.realtime;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * realtime-service running on a random port against a fresh PostgreSQL database, the realm's
 * Keycloak, Kafka and Redis. Integration test classes extend this; tokens come from {@code
 * KeycloakTokens} (the demo organization) and {@code TestUsers} (users of other organizations).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "dealflow.security.clock-skew=0s")
public abstract class RunningRealtimeService {

  @LocalServerPort protected int port;

  @LocalManagementPort protected int managementPort;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestDatabases.register(registry, "realtime");
    TestDatabases.registerSecurity(registry);
    registry.add("spring.kafka.bootstrap-servers", () -> Devstack.kafka().bootstrapServers());
    var redis = Devstack.redis();
    registry.add("spring.data.redis.host", redis::host);
    registry.add("spring.data.redis.port", redis::port);
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  /** Where actuator answers: probes, Prometheus and operator endpoints; never the API port. */
  protected String managementUrl() {
    return "http://localhost:" + managementPort;
  }
}
