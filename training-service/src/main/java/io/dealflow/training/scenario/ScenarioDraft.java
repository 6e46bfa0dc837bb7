package io.dealflow.training.scenario;

import java.util.List;

/**
 * What an admin writes when creating or revising a scenario, already validated by the web layer.
 */
public record ScenarioDraft(
    String title,
    String description,
    String category,
    String difficulty,
    int estimatedDuration,
    List<String> objectives,
    List<String> coachingPoints,
    ProspectPersona persona,
    ConversationFlow flow) {

  public ScenarioDraft {
    objectives = List.copyOf(objectives);
    coachingPoints = List.copyOf(coachingPoints);
  }
}
