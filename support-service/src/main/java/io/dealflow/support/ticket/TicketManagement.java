package io.dealflow.support.ticket;

import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.events.Outbox;
import io.dealflow.platform.security.Tenant;
import io.dealflow.support.access.Access;
import io.dealflow.support.conversation.Conversations;
import io.dealflow.support.conversation.Conversations.Page;
import io.dealflow.support.conversation.SupportSession;
import io.dealflow.support.events.SupportEvents;
import io.dealflow.support.events.TicketCreated;
import io.dealflow.support.range.TimeRange;
import io.dealflow.support.redaction.Redactor;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Support tickets. Any member opens one (for a session it can see, if it names one); a customer
 * sees the tickets opened by or for it, the staff all of the organization's, and only staff change
 * them. Title and description are masked before they are stored; {@code ticket.created} is
 * published in the transaction that opens a ticket.
 */
@Service
public class TicketManagement {

  private static final Logger log = LoggerFactory.getLogger(TicketManagement.class);

  private final Tickets tickets;
  private final Conversations conversations;
  private final Redactor redactor;
  private final Outbox outbox;
  private final Clock clock;

  TicketManagement(
      Tickets tickets, Conversations conversations, Redactor redactor, Outbox outbox, Clock clock) {
    this.tickets = tickets;
    this.conversations = conversations;
    this.redactor = redactor;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public Ticket open(Tenant caller, TicketDraft draft) {
    UUID orgId = Access.organization(caller);
    String customerId = draft.customerId();
    if (draft.sessionId() != null) {
      SupportSession session = conversations.find(caller, draft.sessionId());
      customerId = customerId == null ? session.customerId() : customerId;
    }
    return open(orgId, caller.userId(), draft.sessionId(), customerId, draft);
  }

  /** Opens the ticket of an escalated session, for its customer, in the caller's transaction. */
  public Ticket openForEscalation(
      SupportSession session, String title, String description, String priority) {
    return open(
        session.orgId(),
        session.userId(),
        session.id(),
        session.customerId(),
        new TicketDraft(
            session.id(), session.customerId(), title, description, priority, "escalation"));
  }

  public Ticket find(Tenant caller, UUID ticketId) {
    UUID orgId = Access.organization(caller);
    return tickets
        .find(orgId, ticketId)
        .filter(
            ticket ->
                Access.isStaff(caller)
                    || ticket.createdBy().equals(caller.userId())
                    || forSessionOf(caller, ticket))
        .orElseThrow(() -> ApiException.notFound("Ticket"));
  }

  public Page<Ticket> list(
      Tenant caller,
      @Nullable String status,
      @Nullable String priority,
      @Nullable UUID assigneeId,
      TimeRange created,
      @Nullable String search,
      String order,
      int offset,
      int limit) {
    UUID orgId = Access.organization(caller);
    Tickets.Filter filter =
        new Tickets.Filter(
            Access.isStaff(caller) ? null : caller.userId(),
            status,
            priority,
            assigneeId,
            created,
            search);
    return new Page<>(
        tickets.list(orgId, filter, order, offset, limit), tickets.count(orgId, filter));
  }

  /** Whether the ticket was opened for one of the caller's own sessions. */
  private boolean forSessionOf(Tenant caller, Ticket ticket) {
    UUID sessionId = ticket.sessionId();
    if (sessionId == null) {
      return false;
    }
    try {
      return conversations.find(caller, sessionId).userId().equals(caller.userId());
    } catch (ApiException notVisible) {
      return false;
    }
  }

  /** Changes status, priority or assignee (staff only); a null leaves that field as it is. */
  @Transactional
  public Ticket update(
      Tenant caller,
      UUID ticketId,
      @Nullable String status,
      @Nullable String priority,
      @Nullable UUID assigneeId) {
    Ticket current = find(caller, ticketId);
    Access.staffOrganization(caller, "update tickets");
    Ticket changed = current.change(status, priority, assigneeId, clock.instant());
    if (!tickets.update(changed)) {
      throw ApiException.conflict(
          "TICKET_CHANGED", "The ticket was changed at the same time; try again");
    }
    log.info(
        "Ticket {} updated: status {}, priority {}",
        ticketId,
        changed.status(),
        changed.priority());
    return changed;
  }

  private Ticket open(
      UUID orgId,
      UUID createdBy,
      @Nullable UUID sessionId,
      @Nullable String customerId,
      TicketDraft draft) {
    Instant now = clock.instant();
    Ticket ticket =
        new Ticket(
            UUID.randomUUID(),
            orgId,
            sessionId,
            customerId,
            redactor.redact(draft.title()).text(),
            redactor.redact(draft.description()).text(),
            "open",
            draft.priority(),
            draft.category(),
            null,
            createdBy,
            now,
            now,
            null,
            0);
    tickets.insert(ticket);
    outbox.append(
        SupportEvents.TICKET_CREATED,
        ticket.id(),
        orgId,
        new TicketCreated(
            ticket.id(),
            sessionId,
            customerId,
            ticket.title(),
            ticket.priority(),
            ticket.category(),
            ticket.status(),
            now));
    log.info("Ticket {} opened in organization {} ({})", ticket.id(), orgId, ticket.priority());
    return ticket;
  }
}
