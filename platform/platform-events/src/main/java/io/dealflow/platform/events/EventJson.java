package io.dealflow.platform.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of event data: snake_case field names (as the seeds' webhook payloads have
 * them), ISO-8601 times.
 */
final class EventJson {

  static final JsonMapper MAPPER =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private EventJson() {}
}
