package io.dealflow.training.objection;

import io.dealflow.crm.events.ConversationCompleted;
import io.dealflow.crm.events.TranscriptAdded;
import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ErrorKind;
import io.dealflow.training.scenario.Scenario;
import io.dealflow.training.scenario.ScenarioDraft;
import io.dealflow.training.scenario.ScenarioManagement;
import io.dealflow.training.scenario.ScenarioOrigin;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Objections from the team's calls: what crm's calls told (each event applied once by the
 * platform), the draft an admin reviews, and its publication as a scenario. Callers have checked
 * the admin role.
 *
 * <p>Each organization keeps its newest {@value #KEPT_PER_ORGANIZATION} objections and completed
 * calls; older ones are dropped as new ones arrive, so the draft follows what prospects say lately
 * and an organization's share of the table stays bounded.
 */
@Service
public class ObjectionManagement {

  public static final int KEPT_PER_ORGANIZATION = 500;

  private final CallObjections objections;
  private final CompletedCalls calls;
  private final PublishedScenarios published;
  private final ScenarioManagement scenarios;

  ObjectionManagement(
      CallObjections objections,
      CompletedCalls calls,
      PublishedScenarios published,
      ScenarioManagement scenarios) {
    this.objections = objections;
    this.calls = calls;
    this.published = published;
    this.scenarios = scenarios;
  }

  /** Keeps the line when a prospect raised an objection in it; other lines leave no trace. */
  @Transactional
  public void heard(UUID orgId, UUID eventId, Instant heardAt, TranscriptAdded line) {
    Optional<String> objection = ProspectLines.objection(line.speaker(), line.content());
    if (objection.isEmpty()) {
      return;
    }
    HeardObjection heard =
        new HeardObjection(
            UUID.randomUUID(),
            orgId,
            line.conversationId(),
            line.transcriptId(),
            objection.get(),
            ObjectionTheme.of(objection.get()),
            heardAt,
            eventId);
    if (objections.insert(heard)) {
      objections.keepNewest(orgId, KEPT_PER_ORGANIZATION);
    }
  }

  /** Keeps the call's length, for the scenario's. */
  @Transactional
  public void completed(UUID orgId, Instant completedAt, ConversationCompleted call) {
    calls.record(orgId, call.conversationId(), call.duration(), completedAt);
    calls.keepNewest(orgId, KEPT_PER_ORGANIZATION);
  }

  /**
   * @throws ApiException 404 {@code NO_CALL_OBJECTIONS} before any objection was heard
   */
  public ObjectionsDraft draft(UUID orgId) {
    List<HeardObjection> heard = objections.all(orgId);
    if (heard.isEmpty()) {
      throw new ApiException(
          ApiError.of(
                  ErrorKind.NOT_FOUND,
                  "No objections heard in your organization's calls yet: they come from the"
                      + " prospects' lines of crm conversations")
              .withCode("NO_CALL_OBJECTIONS"));
    }
    ObjectionDigest digest = ObjectionDigest.of(heard);
    List<Integer> durations = calls.durations(orgId);
    ScenarioDraft scenario = ObjectionScenario.propose(digest, durations);
    return new ObjectionsDraft(
        digest.heard(),
        digest.conversations(),
        durations.size(),
        digest.firstHeardAt(),
        digest.lastHeardAt(),
        digest.themes(),
        scenario,
        published.find(orgId).map(id -> active(orgId, id)).map(Scenario::id).orElse(null));
  }

  /**
   * Publishes the draft's scenario: a new one, or a revision of the one published before while it
   * is active (same id, so the sessions played on it keep pointing at it). Two approvals at once
   * publish one after the other.
   *
   * @throws ApiException 404 {@code NO_CALL_OBJECTIONS} before any objection was heard
   */
  @Transactional
  public Approval approve(UUID orgId, UUID author) {
    Optional<UUID> before = published.lock(orgId);
    ScenarioDraft scenario = draft(orgId).scenario();
    Scenario current = before.map(id -> active(orgId, id)).orElse(null);
    if (current != null) {
      return new Approval(scenarios.revise(orgId, current.id(), scenario), false);
    }
    Scenario created = scenarios.create(orgId, author, scenario, ScenarioOrigin.FROM_CALLS);
    published.publish(orgId, created.id());
    return new Approval(created, true);
  }

  private @Nullable Scenario active(UUID orgId, UUID scenarioId) {
    Scenario scenario = scenarios.find(orgId, scenarioId);
    return scenario.active() ? scenario : null;
  }
}
