package io.dealflow.gateway.health;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /metrics}: the Trainer seed's Prometheus endpoint, in the text format. */
@RestController
class MetricsController {

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  MetricsController(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @GetMapping("/metrics")
  ResponseEntity<String> metrics() {
    return ResponseEntity.ok().header("Content-Type", PROMETHEUS_TEXT).body(registry.scrape());
  }
}
