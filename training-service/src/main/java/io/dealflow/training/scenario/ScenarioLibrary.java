package io.dealflow.training.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in scenarios every organization sees: cold call, discovery, objection handling,
 * closing, negotiation, renewal, gatekeeper and follow-up, read once from {@code
 * scenarios/library.json}. Their ids never change, so sessions played on them keep resolving.
 */
@Component
class ScenarioLibrary {

  /** When the library was written: its scenarios sort before every organization's own. */
  static final Instant PUBLISHED = Instant.parse("2026-01-01T00:00:00Z");

  private final List<Scenario> scenarios;

  ScenarioLibrary(JsonMapper json) {
    try (InputStream in = new ClassPathResource("scenarios/library.json").getInputStream()) {
      this.scenarios =
          json.readValue(in, new TypeReference<List<Entry>>() {}).stream()
              .map(Entry::scenario)
              .toList();
    } catch (IOException unreadable) {
      throw new UncheckedIOException("The built-in scenario library cannot be read", unreadable);
    }
  }

  List<Scenario> all() {
    return scenarios;
  }

  Optional<Scenario> find(UUID id) {
    return scenarios.stream().filter(scenario -> scenario.id().equals(id)).findFirst();
  }

  private record Entry(
      UUID id,
      String title,
      String description,
      String category,
      String difficulty,
      @JsonProperty("estimated_duration") int estimatedDuration,
      List<String> objectives,
      @JsonProperty("coaching_points") List<String> coachingPoints,
      @JsonProperty("prospect_persona") Persona persona,
      @JsonProperty("conversation_flow") Flow flow) {

    Scenario scenario() {
      return new Scenario(
          id,
          null,
          title,
          description,
          category,
          difficulty,
          estimatedDuration,
          objectives,
          coachingPoints,
          new ProspectPersona(
              persona.name,
              persona.title,
              persona.company,
              persona.painPoints,
              persona.personality,
              persona.communicationStyle),
          new ConversationFlow(flow.opening, flow.discoveryQuestions, flow.objectionScenarios),
          ScenarioOrigin.BUILT_IN,
          true,
          null,
          PUBLISHED,
          PUBLISHED,
          0);
    }
  }

  private record Persona(
      String name,
      @Nullable String title,
      @Nullable String company,
      @JsonProperty("pain_points") List<String> painPoints,
      @Nullable String personality,
      @JsonProperty("communication_style") @Nullable String communicationStyle) {}

  private record Flow(
      @Nullable String opening,
      @JsonProperty("discovery_questions") List<String> discoveryQuestions,
      @JsonProperty("objection_scenarios") List<String> objectionScenarios) {}
}
