package io.dealflow.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an operator watches: how many events wait in the outbox and for how long the oldest has
 * waited (a growing age means Kafka or the relay is stuck), how many are parked, and how many dead
 * letters were never replayed.
 */
final class EventMetrics implements MeterBinder {

  private static final Logger log = LoggerFactory.getLogger(EventMetrics.class);

  private final JdbcClient jdbc;

  EventMetrics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("dealflow.outbox.backlog", this, m -> m.count("parked_at IS NULL"))
        .description("Events written but not yet published")
        .register(registry);
    Gauge.builder("dealflow.outbox.parked", this, m -> m.count("parked_at IS NOT NULL"))
        .description("Events Kafka refused for good, waiting for an operator")
        .register(registry);
    Gauge.builder("dealflow.outbox.oldest.age", this, EventMetrics::oldestAgeSeconds)
        .description("Seconds the oldest unpublished event has waited")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder(
            "dealflow.events.dead.letters",
            this,
            m ->
                m.queryDouble(
                    "SELECT count(*) FROM dealflow_events.dead_letter WHERE replayed_at IS NULL"))
        .description("Dead letters never replayed")
        .register(registry);
  }

  private double count(String condition) {
    return queryDouble("SELECT count(*) FROM dealflow_events.outbox WHERE " + condition);
  }

  private double oldestAgeSeconds() {
    return queryDouble(
        """
        SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0)
        FROM dealflow_events.outbox WHERE parked_at IS NULL
        """);
  }

  private double queryDouble(String sql) {
    try {
      Number value = jdbc.sql(sql).query(Number.class).single();
      return value == null ? 0 : value.doubleValue();
    } catch (RuntimeException e) {
      log.debug("Event metric query failed: {}", e.toString());
      return Double.NaN;
    }
  }
}
