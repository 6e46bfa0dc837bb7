package io.dealflow.training.objection.web;

import io.dealflow.training.objection.ObjectionsDraft;
import io.dealflow.training.objection.ThemeCount;
import io.dealflow.training.scenario.ScenarioDraft;
import io.dealflow.training.scenario.web.ScenarioResponse.FlowResponse;
import io.dealflow.training.scenario.web.ScenarioResponse.PersonaResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The draft on the wire: the objection themes heard, and the scenario approving publishes. */
@Schema(name = "ObjectionsFromCalls")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ObjectionsDraftResponse(
    @Schema(description = "Objections kept (an organization keeps its newest 500)")
        int objectionsHeard,
    @Schema(description = "Distinct crm conversations they were raised in") int conversations,
    @Schema(description = "Completed crm conversations heard of") int completedCalls,
    Instant firstHeardAt,
    Instant lastHeardAt,
    List<ThemeResponse> themes,
    ProposedScenario scenario,
    @Schema(description = "The active scenario approving would revise; null: approving creates one")
        @Nullable UUID publishedScenarioId) {

  static ObjectionsDraftResponse of(ObjectionsDraft draft) {
    return new ObjectionsDraftResponse(
        draft.objectionsHeard(),
        draft.conversations(),
        draft.completedCalls(),
        draft.firstHeardAt(),
        draft.lastHeardAt(),
        draft.themes().stream().map(ThemeResponse::of).toList(),
        ProposedScenario.of(draft.scenario()),
        draft.publishedScenarioId());
  }

  @Schema(name = "ObjectionTheme")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ThemeResponse(
      @Schema(description = "price, incumbent, authority, risk, timing, need or other")
          String theme,
      String label,
      int count,
      @Schema(description = "Up to 3 distinct lines, the most frequent first")
          List<String> examples) {

    static ThemeResponse of(ThemeCount count) {
      return new ThemeResponse(
          count.theme().id(), count.theme().label(), count.count(), count.examples());
    }
  }

  @Schema(name = "ProposedScenario")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ProposedScenario(
      String title,
      String description,
      String category,
      String difficulty,
      int estimatedDuration,
      List<String> objectives,
      List<String> coachingPoints,
      PersonaResponse prospectPersona,
      FlowResponse conversationFlow,
      String origin) {

    static ProposedScenario of(ScenarioDraft draft) {
      return new ProposedScenario(
          draft.title(),
          draft.description(),
          draft.category(),
          draft.difficulty(),
          draft.estimatedDuration(),
          draft.objectives(),
          draft.coachingPoints(),
          PersonaResponse.of(draft.persona()),
          FlowResponse.of(draft.flow()),
          "from_calls");
    }
  }
}
