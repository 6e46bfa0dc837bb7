package io.dealflow.training.scenario.web;

import io.dealflow.training.scenario.ConversationFlow;
import io.dealflow.training.scenario.ProspectPersona;
import io.dealflow.training.scenario.Scenario;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A scenario on the wire: the seed's fields, plus its prospect, flow and origin. Public for the
 * other routes that answer with a scenario (objections from calls).
 */
@Schema(name = "Scenario")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ScenarioResponse(
    UUID id,
    String title,
    String description,
    String category,
    String difficulty,
    int estimatedDuration,
    List<String> objectives,
    List<String> coachingPoints,
    PersonaResponse prospectPersona,
    FlowResponse conversationFlow,
    @Schema(description = "built_in, custom or from_calls") String origin,
    boolean isActive,
    Instant createdAt,
    Instant updatedAt) {

  public static ScenarioResponse of(Scenario scenario) {
    return new ScenarioResponse(
        scenario.id(),
        scenario.title(),
        scenario.description(),
        scenario.category(),
        scenario.difficulty(),
        scenario.estimatedDuration(),
        scenario.objectives(),
        scenario.coachingPoints(),
        PersonaResponse.of(scenario.persona()),
        FlowResponse.of(scenario.flow()),
        scenario.origin().id(),
        scenario.active(),
        scenario.createdAt(),
        scenario.updatedAt());
  }

  @Schema(name = "ProspectPersonaResponse")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record PersonaResponse(
      String name,
      @Nullable String title,
      @Nullable String company,
      List<String> painPoints,
      @Nullable String personality,
      @Nullable String communicationStyle) {

    public static PersonaResponse of(ProspectPersona persona) {
      return new PersonaResponse(
          persona.name(),
          persona.title(),
          persona.company(),
          persona.painPoints(),
          persona.personality(),
          persona.communicationStyle());
    }
  }

  @Schema(name = "ConversationFlowResponse")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record FlowResponse(
      @Nullable String opening, List<String> discoveryQuestions, List<String> objectionScenarios) {

    public static FlowResponse of(ConversationFlow flow) {
      return new FlowResponse(flow.opening(), flow.discoveryQuestions(), flow.objectionScenarios());
    }
  }
}
