package io.dealflow.training.events;

import io.dealflow.platform.event.EventType;
import java.util.List;

/** Every event training-service publishes; each name is also its Kafka topic. */
public final class TrainingEvents {

  public static final EventType<TrainingSessionCompleted> TRAINING_SESSION_COMPLETED =
      EventType.of("training.session.completed", TrainingSessionCompleted.class);

  public static final EventType<TrainingFeedbackSubmitted> TRAINING_FEEDBACK_SUBMITTED =
      EventType.of("training.feedback.submitted", TrainingFeedbackSubmitted.class);

  public static final List<EventType<?>> ALL =
      List.of(TRAINING_SESSION_COMPLETED, TRAINING_FEEDBACK_SUBMITTED);

  private TrainingEvents() {}
}
