package io.dealflow.insights;

import io.dealflow.crm.events.CrmEvents;
import io.dealflow.crm.events.DealClosed;
import io.dealflow.crm.events.DealCreated;
import io.dealflow.crm.events.DealDeleted;
import io.dealflow.crm.events.DealStageChanged;
import io.dealflow.platform.event.EventType;
import io.dealflow.platform.test.TestEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * crm-service's deal events as its outbox relay publishes them: crm's payload records in snake_case
 * in a CloudEvents 1.0 envelope of the workspace, keyed by the deal, at a time the test chooses,
 * each checked against the AsyncAPI document before it is sent.
 */
public final class CrmDeals {

  private final UUID workspaceId;

  private CrmDeals(UUID workspaceId) {
    this.workspaceId = workspaceId;
  }

  public static CrmDeals of(UUID workspaceId) {
    return new CrmDeals(workspaceId);
  }

  public ObjectNode created(UUID dealId, long value, String stage, Instant at) {
    return created(dealId, value, stage, at, null);
  }

  /** A deal created assigned to a rep. */
  public ObjectNode created(
      UUID dealId, long value, String stage, Instant at, @Nullable UUID assignedTo) {
    return envelope(
        CrmEvents.DEAL_CREATED,
        dealId,
        at,
        new DealCreated(
            dealId,
            workspaceId,
            "Deal " + value,
            BigDecimal.valueOf(value),
            "USD",
            stage,
            0,
            assignedTo,
            null,
            null,
            null,
            null,
            "manual",
            null,
            null,
            at,
            at,
            0L));
  }

  /**
   * A {@code deal.created} as crm wrote it before 2026-12-07: the deal's id, workspace, title,
   * value, currency, stage and assignee only (retained topics still hold such events).
   */
  public ObjectNode createdInTheFormerShape(UUID dealId, long value, String stage, Instant at) {
    ObjectNode event = created(dealId, value, stage, at);
    ObjectNode data = (ObjectNode) event.get("data");
    for (String added :
        List.of(
            "probability",
            "contact_name",
            "company_name",
            "expected_close_date",
            "closed_at",
            "source",
            "external_id",
            "created_by",
            "created_at",
            "updated_at",
            "version")) {
      data.remove(added);
    }
    return event;
  }

  public ObjectNode moved(UUID dealId, String from, String to, long value, Instant at) {
    return envelope(
        CrmEvents.DEAL_STAGE_CHANGED,
        dealId,
        at,
        new DealStageChanged(dealId, workspaceId, from, to, BigDecimal.valueOf(value)));
  }

  public ObjectNode won(UUID dealId, long value, Instant at) {
    return envelope(
        CrmEvents.DEAL_WON,
        dealId,
        at,
        new DealClosed(dealId, BigDecimal.valueOf(value), workspaceId));
  }

  public ObjectNode lost(UUID dealId, long value, Instant at) {
    return envelope(
        CrmEvents.DEAL_LOST,
        dealId,
        at,
        new DealClosed(dealId, BigDecimal.valueOf(value), workspaceId));
  }

  public ObjectNode deleted(UUID dealId, String stage, long value, Instant at) {
    return envelope(
        CrmEvents.DEAL_DELETED,
        dealId,
        at,
        new DealDeleted(dealId, workspaceId, stage, BigDecimal.valueOf(value)));
  }

  /**
   * A deal's whole way as crm tells it when it closes: created, each stage change and, at the end,
   * {@code deal.won} or {@code deal.lost} beside the change to that stage.
   *
   * @param stages the stages in order, the first the one it was created in
   * @param at when it entered each of them
   */
  public void path(UUID dealId, long value, String[] stages, Instant[] at) {
    TestEvents.publish(created(dealId, value, stages[0], at[0]));
    for (int i = 1; i < stages.length; i++) {
      TestEvents.publish(moved(dealId, stages[i - 1], stages[i], value, at[i]));
      if (stages[i].equals("won")) {
        TestEvents.publish(won(dealId, value, at[i]));
      } else if (stages[i].equals("lost")) {
        TestEvents.publish(lost(dealId, value, at[i]));
      }
    }
  }

  private <T> ObjectNode envelope(EventType<T> type, UUID dealId, Instant at, T data) {
    return TestEvents.envelope(type, "/dealflow/crm-service", workspaceId, dealId, at, data);
  }
}
