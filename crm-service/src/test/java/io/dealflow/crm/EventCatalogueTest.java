package io.dealflow.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.crm.events.CrmEvents;
import io.dealflow.platform.event.EventType;
import io.dealflow.platform.test.EventSchemas;
import org.junit.jupiter.api.Test;

class EventCatalogueTest {

  @Test
  void everyCrmEventIsInTheAsyncApiDocument() {
    assertThat(EventSchemas.load().types())
        .containsAll(CrmEvents.ALL.stream().map(EventType::name).toList());
  }
}
