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
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * crm-service's deal events as its outbox relay publishes them: crm's payload records in snake_case
 * in a CloudEvents 1.0 envelope of the workspace, keyed by the deal, at a time the test chooses,
 * each checked against the AsyncAPI document before it is sent.
 */
public final class CrmDeals {

  private static final JsonMapper JSON =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private final UUID workspaceId;

  private CrmDeals(UUID workspaceId) {
    this.workspaceId = workspaceId;
  }

  public static CrmDeals of(UUID workspaceId) {
    return new CrmDeals(workspaceId);
  }

  public ObjectNode created(UUID dealId, long value, String stage, Instant at) {
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
            null,
            null,
            null,
            null,
            null,
            "manual",
            null,
            null,
            at,
            at,
            0));
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
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("specversion", "1.0");
    envelope.put("id", UUID.randomUUID().toString());
    envelope.put("source", "/dealflow/crm-service");
    envelope.put("type", type.name());
    envelope.put("subject", dealId.toString());
    envelope.put("time", at.toString());
    envelope.put("datacontenttype", "application/json");
    envelope.put("orgid", workspaceId.toString());
    envelope.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    envelope.set("data", JSON.valueToTree(data));
    return envelope;
  }
}
