package io.dealflow.realtime.webhook;

import io.dealflow.devstack.Devstack;
import io.dealflow.realtime.RealtimeServiceApplication;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** realtime-service instances started and stopped by a test, sharing one fresh database. */
final class ServiceInstances {

  private final Map<String, Object> settings = new HashMap<>();

  ServiceInstances(String consumerName) {
    var postgres = Devstack.postgres();
    String database = postgres.createFreshDatabase("realtime");
    settings.put("spring.datasource.url", postgres.jdbcUrl(database));
    settings.put("spring.datasource.username", postgres.username());
    settings.put("spring.datasource.password", postgres.password());
    settings.put("dealflow.security.issuer-uri", Devstack.keycloak().issuerUri());
    settings.put("dealflow.security.jwk-set-uri", Devstack.keycloak().jwkSetUri());
    settings.put("spring.kafka.bootstrap-servers", Devstack.kafka().bootstrapServers());
    settings.put("spring.data.redis.host", Devstack.redis().host());
    settings.put("spring.data.redis.port", Devstack.redis().port());
    settings.put("server.port", 0);
    settings.put("management.server.port", 0);
    settings.put("dealflow.realtime.webhooks.allow-private-targets", true);
    settings.put("dealflow.realtime.webhooks.poll-interval", "100ms");
    // Small rounds, so that side-by-side workers claim from the same due rows many times.
    settings.put("dealflow.realtime.webhooks.batch-size", 3);
    settings.put("dealflow.realtime.webhooks.consumer-name", consumerName);
  }

  ConfigurableApplicationContext start(boolean workerEnabled) {
    Map<String, Object> instance = new HashMap<>(settings);
    instance.put("dealflow.realtime.webhooks.worker-enabled", workerEnabled);
    // As arguments, so that they outrank application.yml (default properties would not).
    String[] arguments =
        instance.entrySet().stream()
            .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(RealtimeServiceApplication.class).run(arguments);
  }

  static String baseUrl(ConfigurableApplicationContext context) {
    return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
  }
}
