package io.dealflow.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.insights.events.InsightsEvents;
import io.dealflow.platform.event.EventType;
import io.dealflow.platform.test.EventSchemas;
import org.junit.jupiter.api.Test;

class EventCatalogueTest {

  @Test
  void everyInsightsEventIsInTheAsyncApiDocument() {
    assertThat(EventSchemas.load().types())
        .containsAll(InsightsEvents.ALL.stream().map(EventType::name).toList());
  }
}
