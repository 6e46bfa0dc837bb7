package io.dealflow.training.scenario.web;

import io.dealflow.training.scenario.ConversationFlow;
import io.dealflow.training.scenario.ProspectPersona;
import io.dealflow.training.scenario.ScenarioDraft;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A scenario as an admin writes it. The prospect needs at least one pain point to answer discovery
 * questions from, and the flow at least one objection to raise.
 */
@Schema(name = "ScenarioCreate")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ScenarioRequest(
    @NotBlank @Size(max = 200) String title,
    @NotBlank @Size(max = 2000) String description,
    @NotNull
        @Pattern(
            regexp = ScenarioController.CATEGORY,
            message = "must be one of " + ScenarioController.CATEGORY)
        String category,
    @NotNull
        @Pattern(
            regexp = ScenarioController.DIFFICULTY,
            message = "must be one of " + ScenarioController.DIFFICULTY)
        String difficulty,
    @Schema(description = "Seconds, 60-7200") @NotNull @Min(60) @Max(7200)
        Integer estimatedDuration,
    @Size(max = 20) @Nullable List<@NotBlank @Size(max = 300) String> objectives,
    @Size(max = 20) @Nullable List<@NotBlank @Size(max = 300) String> coachingPoints,
    @NotNull @Valid Persona prospectPersona,
    @NotNull @Valid Flow conversationFlow) {

  ScenarioDraft draft() {
    return new ScenarioDraft(
        title.strip(),
        description.strip(),
        category,
        difficulty,
        estimatedDuration,
        Objects.requireNonNullElse(objectives, List.of()),
        Objects.requireNonNullElse(coachingPoints, List.of()),
        prospectPersona.persona(),
        conversationFlow.flow());
  }

  @Schema(name = "ProspectPersona")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Persona(
      @NotBlank @Size(max = 100) String name,
      @Size(max = 100) @Nullable String title,
      @Size(max = 200) @Nullable String company,
      @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 300) String> painPoints,
      @Size(max = 50) @Nullable String personality,
      @Size(max = 50) @Nullable String communicationStyle) {

    ProspectPersona persona() {
      return new ProspectPersona(
          name.strip(), title, company, painPoints, personality, communicationStyle);
    }
  }

  @Schema(name = "ConversationFlow")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Flow(
      @Size(max = 500) @Nullable String opening,
      @Size(max = 20) @Nullable List<@NotBlank @Size(max = 300) String> discoveryQuestions,
      @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 300) String> objectionScenarios) {

    ConversationFlow flow() {
      return new ConversationFlow(
          opening, Objects.requireNonNullElse(discoveryQuestions, List.of()), objectionScenarios);
    }
  }
}
