package io.dealflow.support.events;

import io.dealflow.platform.event.EventType;
import java.util.List;

/** Every event support-service publishes; each name is also its Kafka topic. */
public final class SupportEvents {

  public static final EventType<SupportMessageCreated> SUPPORT_MESSAGE_CREATED =
      EventType.of("support.message.created", SupportMessageCreated.class);

  public static final EventType<SupportEscalated> SUPPORT_ESCALATED =
      EventType.of("support.escalated", SupportEscalated.class);

  public static final EventType<TicketCreated> TICKET_CREATED =
      EventType.of("ticket.created", TicketCreated.class);

  public static final List<EventType<?>> ALL =
      List.of(SUPPORT_MESSAGE_CREATED, SUPPORT_ESCALATED, TICKET_CREATED);

  private SupportEvents() {}
}
