package io.dealflow.support.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A support ticket was opened, by a person or by an escalation. Its description stays in
 * support-service.
 *
 * @param ticketId the ticket
 * @param sessionId the chat session it came from, if any
 * @param customerId the customer, if named
 * @param title the ticket's title, personal data masked
 * @param priority {@code low}, {@code medium}, {@code high} or {@code urgent}
 * @param category the ticket's category, if given
 * @param status {@code open} when created
 * @param createdAt when
 */
public record TicketCreated(
    UUID ticketId,
    @Nullable UUID sessionId,
    @Nullable String customerId,
    String title,
    String priority,
    @Nullable String category,
    String status,
    Instant createdAt) {}
