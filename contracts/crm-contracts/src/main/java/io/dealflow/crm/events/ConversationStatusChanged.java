package io.dealflow.crm.events;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A conversation's status changed ({@code in_progress}, {@code completed}, {@code failed}), in
 * either direction. A conversation created with a status has none before it, so its creation writes
 * none; reaching {@code completed} also writes {@code conversation.completed}, which carries the
 * computed score and sentiment.
 *
 * @param conversationId the conversation
 * @param leadId the lead it is with, if any
 * @param previousStatus the status before
 * @param status the status now
 */
public record ConversationStatusChanged(
    UUID conversationId, @Nullable UUID leadId, String previousStatus, String status) {}
