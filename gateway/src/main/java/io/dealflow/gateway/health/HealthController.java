package io.dealflow.gateway.health;

import io.dealflow.gateway.GatewayProperties;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The suite's health as the seeds describe it. {@code /health} always answers 200 while the gateway
 * runs, with {@code degraded} when anything it depends on is not healthy. {@code /health/ready}
 * answers 200 while the gateway runs, Redis or not: without Redis the rate limits are counted in
 * each instance's memory, and an outage of the one Redis must not take every replica out of the
 * load balancer at once. It says where the limits are counted.
 */
@RestController
class HealthController {

  private static final String SERVICE = "dealflow-gateway";

  private final SuiteHealth suite;
  private final GatewayProperties gateway;
  private final Clock clock;

  HealthController(SuiteHealth suite, GatewayProperties gateway, Clock clock) {
    this.suite = suite;
    this.gateway = gateway;
    this.clock = clock;
  }

  @GetMapping("/health")
  Mono<Map<String, Object>> health() {
    return Mono.zip(suite.services(), suite.redisReachable())
        .map(
            result -> {
              Map<String, String> services = new LinkedHashMap<>(result.getT1());
              services.put("redis", result.getT2() ? SuiteHealth.HEALTHY : SuiteHealth.UNAVAILABLE);
              boolean healthy = services.values().stream().allMatch(SuiteHealth.HEALTHY::equals);
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("status", healthy ? "healthy" : "degraded");
              body.put("service", SERVICE);
              body.put("timestamp", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
              body.put("version", gateway.version());
              body.put("uptime", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
              body.put("services", services);
              return body;
            });
  }

  @GetMapping("/health/ready")
  Mono<Map<String, Object>> ready() {
    return suite
        .redisReachable()
        .map(
            reachable -> {
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("status", "ready");
              body.put("rate_limits", reachable ? "redis" : "in_memory");
              return body;
            });
  }
}
