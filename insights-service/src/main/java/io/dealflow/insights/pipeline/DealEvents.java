package io.dealflow.insights.pipeline;

import io.dealflow.crm.events.CrmEvents;
import io.dealflow.crm.events.DealClosed;
import io.dealflow.crm.events.DealCreated;
import io.dealflow.crm.events.DealDeleted;
import io.dealflow.crm.events.DealStageChanged;
import io.dealflow.platform.events.EventRejectedException;
import io.dealflow.platform.events.EventSubscription;
import io.dealflow.platform.events.ReceivedEvent;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Consumer {@code pipeline-deals}: crm's deal events, each applied once, become the read model's
 * deals and the stages they entered, at the events' own times.
 */
@Configuration(proxyBeanMethods = false)
public class DealEvents {

  public static final String CONSUMER = "pipeline-deals";

  @Bean
  EventSubscription pipelineDealsConsumer(PipelineDeals deals) {
    return EventSubscription.of(
        CONSUMER,
        event -> apply(deals, event),
        CrmEvents.DEAL_CREATED,
        CrmEvents.DEAL_STAGE_CHANGED,
        CrmEvents.DEAL_WON,
        CrmEvents.DEAL_LOST,
        CrmEvents.DEAL_DELETED);
  }

  static void apply(PipelineDeals deals, ReceivedEvent event) {
    UUID orgId = event.orgId();
    if (orgId == null) {
      throw new EventRejectedException("A deal event without a workspace: whose pipeline is it?");
    }
    if (event.is(CrmEvents.DEAL_CREATED)) {
      DealCreated created = event.data(CrmEvents.DEAL_CREATED);
      deals.created(
          orgId,
          created.dealId(),
          created.title(),
          created.value(),
          created.currency(),
          stage(created.stage()),
          created.assignedTo(),
          event.time());
    } else if (event.is(CrmEvents.DEAL_STAGE_CHANGED)) {
      DealStageChanged changed = event.data(CrmEvents.DEAL_STAGE_CHANGED);
      deals.moved(orgId, changed.dealId(), stage(changed.stage()), changed.value(), event.time());
    } else if (event.is(CrmEvents.DEAL_WON) || event.is(CrmEvents.DEAL_LOST)) {
      DealClosed closed =
          event.data(event.is(CrmEvents.DEAL_WON) ? CrmEvents.DEAL_WON : CrmEvents.DEAL_LOST);
      Stage stage = event.is(CrmEvents.DEAL_WON) ? Stage.WON : Stage.LOST;
      deals.moved(orgId, closed.dealId(), stage, closed.value(), event.time());
    } else {
      DealDeleted deleted = event.data(CrmEvents.DEAL_DELETED);
      deals.deleted(orgId, deleted.dealId(), stage(deleted.stage()), deleted.value(), event.time());
    }
  }

  private static Stage stage(String id) {
    return Stage.fromId(id)
        .orElseThrow(() -> new EventRejectedException("Unknown deal stage '" + id + "'"));
  }
}
