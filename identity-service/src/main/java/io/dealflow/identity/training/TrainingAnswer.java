package io.dealflow.identity.training;

/** training-service's answer about a user's progress: the progress, or why there is none. */
public sealed interface TrainingAnswer {

  /** Shown when training-service is down, slow, failing or says something unreadable. */
  String UNAVAILABLE = "Training progress is unavailable right now";

  /** Shown when training-service refuses the caller's token (401 or 403). */
  String REFUSED = "Training service did not accept the caller's credentials";

  /** training-service answered. */
  record Known(LearningProgress progress) implements TrainingAnswer {}

  /** training-service did not answer usefully; {@code reason} says so in a user's words. */
  record Unavailable(String reason) implements TrainingAnswer {}
}
