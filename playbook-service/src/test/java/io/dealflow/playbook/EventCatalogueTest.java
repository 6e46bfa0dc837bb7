package io.dealflow.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.event.EventType;
import io.dealflow.platform.test.EventSchemas;
import io.dealflow.playbook.events.PlaybookEvents;
import io.dealflow.training.events.TrainingEvents;
import org.junit.jupiter.api.Test;

class EventCatalogueTest {

  @Test
  void everyPlaybookEventIsInTheAsyncApiDocument() {
    assertThat(EventSchemas.load().types())
        .containsAll(PlaybookEvents.ALL.stream().map(EventType::name).toList());
  }

  @Test
  void theTrainingEventPlaybookConsumesIsInTheAsyncApiDocument() {
    assertThat(EventSchemas.load().types())
        .containsAll(TrainingEvents.ALL.stream().map(EventType::name).toList());
  }
}
