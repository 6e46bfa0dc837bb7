package io.dealflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.event.EventType;
import io.dealflow.platform.test.EventSchemas;
import io.dealflow.support.events.SupportEvents;
import org.junit.jupiter.api.Test;

class EventCatalogueTest {

  @Test
  void everySupportEventIsInTheAsyncApiDocument() {
    assertThat(EventSchemas.load().types())
        .containsAll(SupportEvents.ALL.stream().map(EventType::name).toList());
  }
}
