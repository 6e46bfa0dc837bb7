package io.dealflow.support.ticket;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a client gives for a new ticket (validated by the web layer). */
public record TicketDraft(
    @Nullable UUID sessionId,
    @Nullable String customerId,
    String title,
    String description,
    String priority,
    @Nullable String category) {}
