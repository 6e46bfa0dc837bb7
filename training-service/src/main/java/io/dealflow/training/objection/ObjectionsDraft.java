package io.dealflow.training.objection;

import io.dealflow.training.scenario.ScenarioDraft;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an admin sees before publishing: the objections heard in the organization's calls, by theme,
 * and the scenario they make.
 *
 * @param objectionsHeard the objections kept (at most {@value
 *     ObjectionManagement#KEPT_PER_ORGANIZATION})
 * @param conversations the distinct calls they were raised in
 * @param completedCalls the completed calls heard of
 * @param firstHeardAt the oldest objection's time
 * @param lastHeardAt the newest objection's time
 * @param themes the themes, most frequent first
 * @param scenario the scenario approving publishes
 * @param publishedScenarioId the active scenario published from the calls before, which approving
 *     revises; null when there is none
 */
public record ObjectionsDraft(
    int objectionsHeard,
    int conversations,
    int completedCalls,
    Instant firstHeardAt,
    Instant lastHeardAt,
    List<ThemeCount> themes,
    ScenarioDraft scenario,
    @Nullable UUID publishedScenarioId) {

  public ObjectionsDraft {
    themes = List.copyOf(themes);
  }
}
