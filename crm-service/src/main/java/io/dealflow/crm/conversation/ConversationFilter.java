package io.dealflow.crm.conversation;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a conversation list is narrowed to; null fields do not narrow. Dates apply to when the
 * conversation started (when it was recorded, if no start is known).
 *
 * @param leadId only this lead's conversations
 * @param assistantId only this assistant's
 * @param status only those in this status
 * @param from only those from this instant
 * @param until only those before this instant
 */
record ConversationFilter(
    @Nullable UUID leadId,
    @Nullable UUID assistantId,
    @Nullable ConversationStatus status,
    @Nullable Instant from,
    @Nullable Instant until) {}
