package io.dealflow.support.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A support chat session was handed to a person: the assistant stops answering, a ticket is open,
 * and an agent of the organization can join the session's live chat.
 *
 * @param sessionId the chat session
 * @param customerId the session's customer, as the client named it
 * @param ticketId the ticket opened for it
 * @param reason why: {@code customer_request}, {@code low_confidence}, {@code negative_sentiment}
 *     or {@code repeated_failure}
 * @param messageId the customer message that led to it, if one did
 * @param escalatedAt when
 */
public record SupportEscalated(
    UUID sessionId,
    String customerId,
    UUID ticketId,
    String reason,
    @Nullable UUID messageId,
    Instant escalatedAt) {}
