package io.dealflow.playbook.sailwind;

import io.dealflow.platform.events.EventSubscription;
import io.dealflow.training.events.TrainingEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Completed training sessions count as practice towards rep assignments, each applied once. */
@Configuration(proxyBeanMethods = false)
class PracticeCredit {

  @Bean
  EventSubscription completedTrainingCountsAsPractice(PracticeLog practice) {
    return EventSubscription.of(
        "practice-credit",
        event ->
            practice.credit(event.orgId(), event.data(TrainingEvents.TRAINING_SESSION_COMPLETED)),
        TrainingEvents.TRAINING_SESSION_COMPLETED);
  }
}
