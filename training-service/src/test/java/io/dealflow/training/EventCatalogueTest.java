package io.dealflow.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.event.EventType;
import io.dealflow.platform.test.EventSchemas;
import io.dealflow.training.events.TrainingEvents;
import org.junit.jupiter.api.Test;

class EventCatalogueTest {

  @Test
  void everyTrainingEventIsInTheAsyncApiDocument() {
    assertThat(EventSchemas.load().types())
        .containsAll(TrainingEvents.ALL.stream().map(EventType::name).toList());
  }
}
