package io.dealflow.crm.events;

import io.dealflow.platform.event.EventType;
import java.util.List;

/** Every event crm-service publishes; each name is also its Kafka topic. */
public final class CrmEvents {

  public static final EventType<LeadCreated> LEAD_CREATED =
      EventType.of("lead.created", LeadCreated.class);
  public static final EventType<LeadQualified> LEAD_QUALIFIED =
      EventType.of("lead.qualified", LeadQualified.class);
  public static final EventType<LeadStatusChanged> LEAD_STATUS_CHANGED =
      EventType.of("lead.status.changed", LeadStatusChanged.class);
  public static final EventType<LeadScoreChanged> LEAD_SCORE_CHANGED =
      EventType.of("lead.score.changed", LeadScoreChanged.class);
  public static final EventType<ConversationStatusChanged> CONVERSATION_STATUS_CHANGED =
      EventType.of("conversation.status.changed", ConversationStatusChanged.class);
  public static final EventType<ConversationCompleted> CONVERSATION_COMPLETED =
      EventType.of("conversation.completed", ConversationCompleted.class);
  public static final EventType<TranscriptAdded> TRANSCRIPT_ADDED =
      EventType.of("transcript.added", TranscriptAdded.class);
  public static final EventType<AppointmentScheduled> APPOINTMENT_SCHEDULED =
      EventType.of("appointment.scheduled", AppointmentScheduled.class);
  public static final EventType<DealCreated> DEAL_CREATED =
      EventType.of("deal.created", DealCreated.class);
  public static final EventType<DealStageChanged> DEAL_STAGE_CHANGED =
      EventType.of("deal.stage.changed", DealStageChanged.class);
  public static final EventType<DealClosed> DEAL_WON = EventType.of("deal.won", DealClosed.class);
  public static final EventType<DealClosed> DEAL_LOST = EventType.of("deal.lost", DealClosed.class);
  public static final EventType<DealDeleted> DEAL_DELETED =
      EventType.of("deal.deleted", DealDeleted.class);
  public static final EventType<IntegrationSynced> INTEGRATION_SYNCED =
      EventType.of("integration.synced", IntegrationSynced.class);
  public static final EventType<IntegrationFailed> INTEGRATION_FAILED =
      EventType.of("integration.failed", IntegrationFailed.class);

  public static final List<EventType<?>> ALL =
      List.of(
          LEAD_CREATED,
          LEAD_QUALIFIED,
          LEAD_STATUS_CHANGED,
          LEAD_SCORE_CHANGED,
          CONVERSATION_STATUS_CHANGED,
          CONVERSATION_COMPLETED,
          TRANSCRIPT_ADDED,
          APPOINTMENT_SCHEDULED,
          DEAL_CREATED,
          DEAL_STAGE_CHANGED,
          DEAL_WON,
          DEAL_LOST,
          DEAL_DELETED,
          INTEGRATION_SYNCED,
          INTEGRATION_FAILED);

  private CrmEvents() {}
}
