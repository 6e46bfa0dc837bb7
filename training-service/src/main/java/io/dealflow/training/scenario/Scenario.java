package io.dealflow.training.scenario;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ErrorKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A role-play a rep can train on: what to achieve, and the prospect with the call's flow. Built-in
 * scenarios belong to no organization and never change; an organization's own are revised and
 * retired by its admins through {@link #revise} and {@link #retire}.
 *
 * @param id its id
 * @param orgId its organization; null for the built-in library
 * @param origin built-in, custom or generated from the organization's calls
 * @param active whether reps can start sessions on it (retired scenarios stay readable)
 * @param createdBy the admin who wrote or approved it; null for the library
 * @param version incremented by every change, for optimistic locking
 */
public record Scenario(
    UUID id,
    @Nullable UUID orgId,
    String title,
    String description,
    String category,
    String difficulty,
    int estimatedDuration,
    List<String> objectives,
    List<String> coachingPoints,
    ProspectPersona persona,
    ConversationFlow flow,
    ScenarioOrigin origin,
    boolean active,
    @Nullable UUID createdBy,
    Instant createdAt,
    Instant updatedAt,
    int version) {

  public static final List<String> CATEGORIES =
      List.of(
          "cold_calling",
          "discovery",
          "objection_handling",
          "closing",
          "negotiation",
          "renewal",
          "gatekeeper",
          "follow_up");

  public static final List<String> DIFFICULTIES = List.of("beginner", "intermediate", "advanced");

  public Scenario {
    objectives = List.copyOf(objectives);
    coachingPoints = List.copyOf(coachingPoints);
  }

  static Scenario write(
      UUID orgId, ScenarioDraft draft, ScenarioOrigin origin, UUID author, Instant now) {
    return new Scenario(
        UUID.randomUUID(),
        orgId,
        draft.title(),
        draft.description(),
        draft.category(),
        draft.difficulty(),
        draft.estimatedDuration(),
        draft.objectives(),
        draft.coachingPoints(),
        draft.persona(),
        draft.flow(),
        origin,
        true,
        author,
        now,
        now,
        0);
  }

  public boolean builtIn() {
    return origin == ScenarioOrigin.BUILT_IN;
  }

  /**
   * @throws ApiException 403 for a built-in scenario
   */
  Scenario revise(ScenarioDraft draft, Instant now) {
    guardOwned();
    return changed(draft, active, now);
  }

  /**
   * No new session can start on it; sessions already played keep pointing at it.
   *
   * @throws ApiException 403 for a built-in scenario
   */
  Scenario retire(Instant now) {
    guardOwned();
    return changed(
        new ScenarioDraft(
            title,
            description,
            category,
            difficulty,
            estimatedDuration,
            objectives,
            coachingPoints,
            persona,
            flow),
        false,
        now);
  }

  private Scenario changed(ScenarioDraft draft, boolean nowActive, Instant now) {
    return new Scenario(
        id,
        orgId,
        draft.title(),
        draft.description(),
        draft.category(),
        draft.difficulty(),
        draft.estimatedDuration(),
        draft.objectives(),
        draft.coachingPoints(),
        draft.persona(),
        draft.flow(),
        origin,
        nowActive,
        createdBy,
        createdAt,
        now,
        version + 1);
  }

  private void guardOwned() {
    if (builtIn()) {
      throw new ApiException(
          ApiError.of(
                  ErrorKind.FORBIDDEN,
                  "Built-in scenarios can't be changed: create your own from it instead")
              .withCode("AUTH_INSUFFICIENT_PERMISSIONS"));
    }
  }

  public static ApiException notFound() {
    return new ApiException(
        ApiError.of(ErrorKind.NOT_FOUND, "Scenario not found").withCode("SCENARIO_NOT_FOUND"));
  }
}
