package io.dealflow.insights.events;

import io.dealflow.platform.event.EventType;
import java.util.List;

/** Every event insights-service publishes; each name is also its Kafka topic. */
public final class InsightsEvents {

  /** An insight was raised. */
  public static final EventType<InsightRaised> INSIGHT_GENERATED =
      EventType.of("insight.generated", InsightRaised.class);

  /** A critical insight was raised (also published as {@code insight.generated}). */
  public static final EventType<InsightRaised> INSIGHT_CRITICAL =
      EventType.of("insight.critical", InsightRaised.class);

  public static final List<EventType<?>> ALL = List.of(INSIGHT_GENERATED, INSIGHT_CRITICAL);

  private InsightsEvents() {}
}
