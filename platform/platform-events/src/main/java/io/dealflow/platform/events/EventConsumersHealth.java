package io.dealflow.platform.events;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The service's consumers as health ({@code eventConsumers}): UP while every consumer consumes,
 * DOWN while any is starting, holds back partitions after failures that are not the events' fault,
 * restarts after an unexpected failure, or has stopped — with each consumer's state, restarts and
 * last error in the details. It is part of {@code /actuator/health}, not of the readiness group: a
 * consumer that cannot consume is no reason to stop serving requests.
 */
final class EventConsumersHealth implements HealthIndicator {

  private final EventConsumers consumers;

  EventConsumersHealth(EventConsumers consumers) {
    this.consumers = consumers;
  }

  @Override
  public Health health() {
    Map<String, ConsumerLoop.Status> statuses = consumers.statuses();
    boolean up = true;
    Map<String, Object> details = new LinkedHashMap<>();
    for (var entry : statuses.entrySet()) {
      ConsumerLoop.Status status = entry.getValue();
      up &= status.state() == ConsumerLoop.State.RUNNING;
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("state", status.state().name());
      detail.put("topics", status.topics());
      detail.put("restarts", status.restarts());
      if (status.lastError() != null) {
        detail.put("lastError", status.lastError());
        detail.put("lastErrorAt", String.valueOf(status.lastErrorAt()));
      }
      details.put(entry.getKey(), detail);
    }
    return (up ? Health.up() : Health.down()).withDetails(details).build();
  }
}
