package io.dealflow.training.scenario;

import io.dealflow.platform.error.ApiException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scenarios an organization sees (the built-in library, then its own) and its admins' changes
 * to its own. Callers have checked the admin role; this checks ownership.
 */
@Service
public class ScenarioManagement {

  private final ScenarioLibrary library;
  private final Scenarios scenarios;
  private final Clock clock;

  ScenarioManagement(ScenarioLibrary library, Scenarios scenarios, Clock clock) {
    this.library = library;
    this.scenarios = scenarios;
    this.clock = clock;
  }

  /** Active scenarios, the library first, then the organization's own, oldest first. */
  public List<Scenario> list(
      UUID orgId, @Nullable String category, @Nullable String difficulty, int skip, int limit) {
    List<Scenario> all = new ArrayList<>();
    library.all().stream()
        .filter(s -> category == null || s.category().equals(category))
        .filter(s -> difficulty == null || s.difficulty().equals(difficulty))
        .forEach(all::add);
    all.addAll(scenarios.active(orgId, category, difficulty));
    return all.stream().skip(skip).limit(limit).toList();
  }

  /**
   * A scenario of the library or of the organization, retired ones included.
   *
   * @throws ApiException 404 {@code SCENARIO_NOT_FOUND} for another organization's or no scenario
   */
  public Scenario find(UUID orgId, UUID id) {
    return library.find(id).or(() -> scenarios.find(orgId, id)).orElseThrow(Scenario::notFound);
  }

  @Transactional
  public Scenario create(UUID orgId, UUID author, ScenarioDraft draft) {
    return create(orgId, author, draft, ScenarioOrigin.CUSTOM);
  }

  @Transactional
  public Scenario create(UUID orgId, UUID author, ScenarioDraft draft, ScenarioOrigin origin) {
    Scenario scenario = Scenario.write(orgId, draft, origin, author, clock.instant());
    scenarios.insert(scenario);
    return scenario;
  }

  @Transactional
  public Scenario revise(UUID orgId, UUID id, ScenarioDraft draft) {
    return change(orgId, id, scenario -> scenario.revise(draft, clock.instant()));
  }

  @Transactional
  public Scenario retire(UUID orgId, UUID id) {
    return change(orgId, id, scenario -> scenario.retire(clock.instant()));
  }

  private Scenario change(UUID orgId, UUID id, Function<Scenario, Scenario> change) {
    Scenario changed = change.apply(find(orgId, id));
    if (!scenarios.update(changed)) {
      throw ApiException.conflict(
          "SCENARIO_CHANGED", "The scenario was changed meanwhile: read it again and retry");
    }
    return changed;
  }
}
