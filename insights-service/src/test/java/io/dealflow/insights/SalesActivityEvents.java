package io.dealflow.insights;

import io.dealflow.crm.events.AppointmentScheduled;
import io.dealflow.crm.events.ConversationCompleted;
import io.dealflow.crm.events.CrmEvents;
import io.dealflow.crm.events.IntegrationFailed;
import io.dealflow.crm.events.LeadCreated;
import io.dealflow.crm.events.LeadQualified;
import io.dealflow.crm.events.LeadStatusChanged;
import io.dealflow.platform.test.TestEvents;
import io.dealflow.support.events.SupportEscalated;
import io.dealflow.support.events.SupportEvents;
import io.dealflow.training.events.TrainingEvents;
import io.dealflow.training.events.TrainingSessionCompleted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * crm's lead, conversation, appointment and integration events, training-service's completed
 * sessions and support-service's escalations for one workspace, published as their producers'
 * relays do (checked against the AsyncAPI document), at times the test chooses.
 */
public final class SalesActivityEvents {

  private static final String CRM = "/dealflow/crm-service";

  private final UUID workspaceId;

  private SalesActivityEvents(UUID workspaceId) {
    this.workspaceId = workspaceId;
  }

  public static SalesActivityEvents of(UUID workspaceId) {
    return new SalesActivityEvents(workspaceId);
  }

  /** A lead created new, then qualified at {@code at} (its status change and lead.qualified). */
  public void qualifiedLead(UUID leadId, Instant created, Instant at) {
    publish(
        CrmEvents.LEAD_CREATED,
        CRM,
        leadId,
        created,
        new LeadCreated(leadId, null, "Lead " + leadId, null, "web", "new", 40));
    publish(
        CrmEvents.LEAD_STATUS_CHANGED,
        CRM,
        leadId,
        at,
        new LeadStatusChanged(leadId, "new", "qualified", 80));
    publish(
        CrmEvents.LEAD_QUALIFIED,
        CRM,
        leadId,
        at,
        new LeadQualified(leadId, 80, List.of("budget")));
  }

  public void conversationCompleted(UUID leadId, Instant at) {
    UUID conversationId = UUID.randomUUID();
    publish(
        CrmEvents.CONVERSATION_COMPLETED,
        CRM,
        conversationId,
        at,
        new ConversationCompleted(conversationId, leadId, 8.0, 300, "positive"));
  }

  public void appointmentScheduled(UUID leadId, Instant at) {
    UUID appointmentId = UUID.randomUUID();
    publish(
        CrmEvents.APPOINTMENT_SCHEDULED,
        CRM,
        appointmentId,
        at,
        new AppointmentScheduled(appointmentId, leadId, null, at.plus(Duration.ofDays(1)), 30));
  }

  public void integrationFailed(UUID integrationId, String reason, Instant at) {
    publish(
        CrmEvents.INTEGRATION_FAILED,
        CRM,
        integrationId,
        at,
        new IntegrationFailed(integrationId, "hubspot", reason, 0));
  }

  /** A training session of {@code minutes} the user completed at {@code at}. */
  public void trained(UUID userId, long minutes, Instant at) {
    UUID sessionId = UUID.randomUUID();
    publish(
        TrainingEvents.TRAINING_SESSION_COMPLETED,
        "/dealflow/training-service",
        sessionId,
        at,
        new TrainingSessionCompleted(
            sessionId,
            userId,
            null,
            "roleplay",
            at.minus(Duration.ofMinutes(minutes)),
            at,
            minutes * 60,
            null,
            null,
            null));
  }

  public void escalated(Instant at) {
    UUID sessionId = UUID.randomUUID();
    publish(
        SupportEvents.SUPPORT_ESCALATED,
        "/dealflow/support-service",
        sessionId,
        at,
        new SupportEscalated(
            sessionId, "customer-" + sessionId, UUID.randomUUID(), "customer_request", null, at));
  }

  private <T> void publish(
      io.dealflow.platform.event.EventType<T> type,
      String source,
      UUID subject,
      Instant at,
      T data) {
    TestEvents.publish(TestEvents.envelope(type, source, workspaceId, subject, at, data));
  }
}
