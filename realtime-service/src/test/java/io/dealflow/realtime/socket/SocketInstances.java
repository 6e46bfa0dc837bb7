package io.dealflow.realtime.socket;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.realtime.RealtimeServiceApplication;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * realtime-service instances started side by side by a test, sharing one fresh database, Kafka and
 * Redis, with a per-user limit of 5 on every endpoint, socket presence renewed every 500 ms and
 * counting for 2 s without a renewal, and the stand-in for support-service's chat endpoints.
 */
final class SocketInstances {

  static final Duration PRESENCE_TTL = Duration.ofSeconds(2);

  private final Map<String, Object> settings = new HashMap<>();

  SocketInstances() {
    var postgres = Devstack.postgres();
    String database = postgres.createFreshDatabase("realtime");
    settings.put("spring.datasource.url", postgres.jdbcUrl(database));
    settings.put("spring.datasource.username", postgres.username());
    settings.put("spring.datasource.password", postgres.password());
    settings.put("dealflow.security.issuer-uri", Devstack.keycloak().issuerUri());
    settings.put("dealflow.security.jwk-set-uri", Devstack.keycloak().jwkSetUri());
    settings.put("dealflow.security.clock-skew", "0s");
    settings.put("spring.kafka.bootstrap-servers", Devstack.kafka().bootstrapServers());
    settings.put("spring.data.redis.host", Devstack.redis().host());
    settings.put("spring.data.redis.port", Devstack.redis().port());
    settings.put("server.port", 0);
    settings.put("management.server.port", 0);
    settings.put("dealflow.realtime.sockets.max-per-user.events", 5);
    settings.put("dealflow.realtime.sockets.max-per-user.cable", 5);
    settings.put("dealflow.realtime.sockets.max-per-user.hellosales", 5);
    settings.put("dealflow.realtime.sockets.max-per-user.chat", 5);
    settings.put("dealflow.realtime.support-uri", FakeSupport.start());
    settings.put("dealflow.realtime.sockets.presence.refresh-interval", "500ms");
    settings.put("dealflow.realtime.sockets.presence.ttl", PRESENCE_TTL.toMillis() + "ms");
  }

  ConfigurableApplicationContext start() {
    return start(Map.of());
  }

  /** An instance with these settings on top of the shared ones. */
  ConfigurableApplicationContext start(Map<String, Object> overrides) {
    Map<String, Object> instance = new HashMap<>(settings);
    instance.putAll(overrides);
    // As arguments, so that they outrank application.yml (default properties would not).
    String[] arguments =
        instance.entrySet().stream()
            .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(RealtimeServiceApplication.class, OwnNettyResources.class)
        .run(arguments);
  }

  /**
   * Event loops of this instance only: by default every server in a JVM shares Reactor Netty's
   * global ones, and stopping one instance would dispose of them under the others.
   */
  @Configuration(proxyBeanMethods = false)
  static class OwnNettyResources {

    @Bean
    ReactorResourceFactory instanceNettyResources() {
      ReactorResourceFactory resources = new ReactorResourceFactory();
      resources.setUseGlobalResources(false);
      return resources;
    }
  }

  static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
  }

  /**
   * Waits until the instance's event consumer is assigned its partitions: it starts at the newest
   * event, so events published earlier would never reach its sockets.
   */
  static void awaitEventsFlowing(ConfigurableApplicationContext context) {
    TestUsers.TestUser probe = TestUsers.inNewOrganization("rep");
    try (TestSocket socket = TestSocket.open(port(context), "/ws/events?token=" + probe.token())) {
      socket.next();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        UUID id = Events.dealCreated(probe.orgId(), "warm-up");
        boolean seen =
            socket.drain(Duration.ofSeconds(1)).stream()
                .anyMatch(message -> id.toString().equals(message.path("id").asString()));
        if (seen) {
          return;
        }
      }
    }
    throw new IllegalStateException("The socket event consumer never received an event");
  }
}
