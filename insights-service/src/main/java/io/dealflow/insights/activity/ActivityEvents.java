package io.dealflow.insights.activity;

import io.dealflow.crm.events.AppointmentScheduled;
import io.dealflow.crm.events.ConversationCompleted;
import io.dealflow.crm.events.CrmEvents;
import io.dealflow.crm.events.IntegrationFailed;
import io.dealflow.crm.events.IntegrationSynced;
import io.dealflow.crm.events.LeadCreated;
import io.dealflow.crm.events.LeadQualified;
import io.dealflow.crm.events.LeadStatusChanged;
import io.dealflow.platform.events.EventRejectedException;
import io.dealflow.platform.events.EventSubscription;
import io.dealflow.platform.events.ReceivedEvent;
import io.dealflow.support.events.SupportEscalated;
import io.dealflow.support.events.SupportEvents;
import io.dealflow.training.events.TrainingEvents;
import io.dealflow.training.events.TrainingSessionCompleted;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Consumer {@code activity}: crm's lead, conversation, appointment and integration events,
 * training-service's completed sessions and support-service's escalations, each applied once,
 * become the workspace's sales activity.
 */
@Configuration(proxyBeanMethods = false)
public class ActivityEvents {

  public static final String CONSUMER = "activity";

  @Bean
  EventSubscription activityConsumer(SalesActivity activity) {
    return EventSubscription.of(
        CONSUMER,
        event -> apply(activity, event),
        CrmEvents.LEAD_CREATED,
        CrmEvents.LEAD_QUALIFIED,
        CrmEvents.LEAD_STATUS_CHANGED,
        CrmEvents.CONVERSATION_COMPLETED,
        CrmEvents.APPOINTMENT_SCHEDULED,
        CrmEvents.INTEGRATION_SYNCED,
        CrmEvents.INTEGRATION_FAILED,
        TrainingEvents.TRAINING_SESSION_COMPLETED,
        SupportEvents.SUPPORT_ESCALATED);
  }

  static void apply(SalesActivity activity, ReceivedEvent event) {
    UUID orgId = event.orgId();
    if (orgId == null) {
      throw new EventRejectedException(
          "A " + event.type() + " event without an organization: whose activity is it?");
    }
    if (event.is(CrmEvents.LEAD_CREATED)) {
      LeadCreated created = event.data(CrmEvents.LEAD_CREATED);
      activity.leadStatus(orgId, created.leadId(), created.status(), event.time());
    } else if (event.is(CrmEvents.LEAD_QUALIFIED)) {
      LeadQualified qualified = event.data(CrmEvents.LEAD_QUALIFIED);
      activity.leadQualified(orgId, qualified.leadId(), event.time());
    } else if (event.is(CrmEvents.LEAD_STATUS_CHANGED)) {
      LeadStatusChanged changed = event.data(CrmEvents.LEAD_STATUS_CHANGED);
      activity.leadStatus(orgId, changed.leadId(), changed.status(), event.time());
    } else if (event.is(CrmEvents.CONVERSATION_COMPLETED)) {
      ConversationCompleted completed = event.data(CrmEvents.CONVERSATION_COMPLETED);
      if (completed.leadId() != null) {
        activity.followedUp(orgId, completed.leadId(), event.time());
      }
    } else if (event.is(CrmEvents.APPOINTMENT_SCHEDULED)) {
      AppointmentScheduled scheduled = event.data(CrmEvents.APPOINTMENT_SCHEDULED);
      activity.followedUp(orgId, scheduled.leadId(), event.time());
    } else if (event.is(CrmEvents.INTEGRATION_SYNCED)) {
      IntegrationSynced synced = event.data(CrmEvents.INTEGRATION_SYNCED);
      activity.synced(
          orgId,
          synced.integrationId(),
          synced.provider(),
          "success",
          null,
          synced.recordsSynced(),
          event.time());
    } else if (event.is(CrmEvents.INTEGRATION_FAILED)) {
      IntegrationFailed failed = event.data(CrmEvents.INTEGRATION_FAILED);
      activity.synced(
          orgId,
          failed.integrationId(),
          failed.provider(),
          "failed",
          failed.reason(),
          failed.recordsSynced(),
          event.time());
    } else if (event.is(TrainingEvents.TRAINING_SESSION_COMPLETED)) {
      TrainingSessionCompleted completed = event.data(TrainingEvents.TRAINING_SESSION_COMPLETED);
      activity.trained(
          orgId,
          completed.sessionId(),
          completed.userId(),
          completed.completedAt(),
          completed.duration());
    } else {
      SupportEscalated escalated = event.data(SupportEvents.SUPPORT_ESCALATED);
      activity.escalated(orgId, escalated.ticketId(), escalated.reason(), escalated.escalatedAt());
    }
  }
}
