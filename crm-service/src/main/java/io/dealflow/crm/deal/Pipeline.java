package io.dealflow.crm.deal;

import io.dealflow.crm.events.CrmEvents;
import io.dealflow.crm.events.DealClosed;
import io.dealflow.crm.events.DealCreated;
import io.dealflow.crm.events.DealDeleted;
import io.dealflow.crm.events.DealStageChanged;
import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.FieldViolation;
import io.dealflow.platform.events.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deals of the workspaces, and the events their changes cause, written in the same transaction
 * as the change: {@code deal.created}; {@code deal.stage.changed} when the stage changes; {@code
 * deal.won} / {@code deal.lost} when a deal becomes won or lost (also when it is created so).
 * Another organization's deal is not found.
 */
@Service
public class Pipeline {

  private final Deals deals;
  private final Outbox outbox;
  private final Clock clock;

  Pipeline(Deals deals, Outbox outbox) {
    this.deals = deals;
    this.outbox = outbox;
    this.clock = Clock.systemUTC();
  }

  @Transactional(readOnly = true)
  public DealPage list(UUID orgId, DealFilter filter, int limit, int offset) {
    return new DealPage(deals.page(orgId, filter, limit, offset), deals.count(orgId, filter));
  }

  /** The deal, if it belongs to one of {@code orgIds}. */
  @Transactional(readOnly = true)
  public Deal get(Collection<UUID> orgIds, DealId id) {
    return deals.find(id, orgIds).orElseThrow(Pipeline::dealNotFound);
  }

  /** Creates a deal by hand. */
  @Transactional
  public Deal open(UUID orgId, UUID createdBy, DealDraft draft) {
    requireValid(draft);
    Deal deal = Deal.open(DealId.random(), orgId, draft, Deal.MANUAL, null, createdBy, now());
    deals.insert(deal);
    recordCreated(deal);
    return deal;
  }

  /**
   * Changes a deal. {@code change} turns the deal as it is now into the draft of what it should be.
   *
   * @param expectedVersion the version the caller last saw, if it wants its change refused when
   *     someone else changed the deal since (409)
   */
  @Transactional
  public Deal revise(
      Collection<UUID> orgIds,
      DealId id,
      @Nullable Long expectedVersion,
      UnaryOperator<DealDraft> change) {
    Deal current = get(orgIds, id);
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw modified();
    }
    DealDraft draft = change.apply(current.draft());
    requireValid(draft);
    Deal revised = current.revise(draft, now());
    return revised.sameContentAs(current) ? current : write(current, revised);
  }

  /** Deletes the deal and tells the suite ({@code deal.deleted}). */
  @Transactional
  public void remove(Collection<UUID> orgIds, DealId id) {
    Deal deal = get(orgIds, id);
    if (!deals.delete(id, orgIds)) {
      throw dealNotFound();
    }
    outbox.append(
        CrmEvents.DEAL_DELETED,
        deal.id().value(),
        deal.orgId(),
        new DealDeleted(deal.id().value(), deal.orgId(), deal.stage().id(), deal.value()));
  }

  /**
   * Creates or updates the deal a sync brought in, found again by its id in the other system. Runs
   * in the sync's transaction, so that a failed sync leaves no deal behind.
   *
   * @throws ApiException when the draft is invalid (the caller checks {@link
   *     DealDraft#violations()} first to report it as a bad record)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public ImportOutcome importDeal(UUID orgId, String source, String externalId, DealDraft draft) {
    requireValid(draft);
    var existing = deals.lockBySource(orgId, source, externalId);
    if (existing.isEmpty()) {
      Deal deal = Deal.open(DealId.random(), orgId, draft, source, externalId, null, now());
      deals.insert(deal);
      recordCreated(deal);
      return ImportOutcome.CREATED;
    }
    Deal current = existing.get();
    Deal revised = current.revise(draft, now());
    if (revised.sameContentAs(current)) {
      return ImportOutcome.UNCHANGED;
    }
    write(current, revised);
    return ImportOutcome.UPDATED;
  }

  /**
   * Creates the deal with this id unless it exists (demo data): running it again changes nothing,
   * and a deal someone has edited since keeps the edits.
   *
   * @return whether it was created
   */
  @Transactional
  public boolean ensure(DealId id, UUID orgId, UUID createdBy, DealDraft draft) {
    requireValid(draft);
    Deal deal = Deal.open(id, orgId, draft, "demo", null, createdBy, now());
    if (!deals.insertIfAbsent(deal)) {
      return false;
    }
    recordCreated(deal);
    return true;
  }

  /**
   * Creates the deal with this id unless it exists, with its history (demo data): opened in {@code
   * stages[0]} at {@code at[0]}, then moved to each later stage at its time, each change and its
   * event at that time, so that pipeline analytics see months of it. Running it again changes
   * nothing, and a deal someone has edited since keeps the edits.
   *
   * @return whether it was created
   */
  @Transactional
  public boolean ensureHistory(
      DealId id,
      UUID orgId,
      UUID createdBy,
      DealDraft draft,
      List<Stage> stages,
      List<Instant> at) {
    if (stages.isEmpty() || stages.size() != at.size()) {
      throw new IllegalArgumentException("A stage and a time for each step of the history");
    }
    DealDraft first = draft.inStage(stages.getFirst());
    requireValid(first);
    Deal current = Deal.open(id, orgId, first, "demo", null, createdBy, at.getFirst());
    if (!deals.insertIfAbsent(current)) {
      return false;
    }
    recordCreated(current);
    for (int i = 1; i < stages.size(); i++) {
      current = write(current, current.revise(draft.inStage(stages.get(i)), at.get(i)));
    }
    return true;
  }

  private Deal write(Deal current, Deal revised) {
    if (!deals.update(revised)) {
      throw modified();
    }
    if (revised.stage() != current.stage()) {
      outbox.appendAt(
          CrmEvents.DEAL_STAGE_CHANGED,
          revised.id().value(),
          revised.orgId(),
          new DealStageChanged(
              revised.id().value(),
              revised.orgId(),
              current.stage().id(),
              revised.stage().id(),
              revised.amount()),
          revised.updatedAt());
      recordClosed(revised);
    }
    return revised.nextVersion();
  }

  /** The deal's events carry the deal's own times: its creation, its change, its close. */
  private void recordCreated(Deal deal) {
    outbox.appendAt(
        CrmEvents.DEAL_CREATED,
        deal.id().value(),
        deal.orgId(),
        new DealCreated(
            deal.id().value(),
            deal.orgId(),
            deal.title(),
            deal.amount(),
            deal.currency(),
            deal.stage().id(),
            deal.probability(),
            deal.assignedTo(),
            deal.contactName(),
            deal.companyName(),
            deal.expectedCloseDate(),
            deal.closedAt(),
            deal.source(),
            deal.externalId(),
            deal.createdBy(),
            deal.createdAt(),
            deal.updatedAt(),
            deal.version()),
        deal.createdAt());
    recordClosed(deal);
  }

  private void recordClosed(Deal deal) {
    if (!deal.stage().isClosed()) {
      return;
    }
    outbox.appendAt(
        deal.stage() == Stage.WON ? CrmEvents.DEAL_WON : CrmEvents.DEAL_LOST,
        deal.id().value(),
        deal.orgId(),
        new DealClosed(deal.id().value(), deal.amount(), deal.orgId()),
        deal.closedAt() != null ? deal.closedAt() : deal.updatedAt());
  }

  private static void requireValid(DealDraft draft) {
    List<FieldViolation> violations = draft.violations();
    if (!violations.isEmpty()) {
      throw new ApiException(ApiError.validation(violations));
    }
  }

  /** Microseconds, as PostgreSQL keeps them, so that what is answered equals what is stored. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  static ApiException dealNotFound() {
    return ApiException.notFound("Deal");
  }

  private static ApiException modified() {
    return ApiException.conflict(
        "DEAL_MODIFIED", "The deal was changed by someone else; reload it and try again");
  }
}
