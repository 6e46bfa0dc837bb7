package io.dealflow.training.objection;

import java.time.Instant;
import java.util.UUID;

/**
 * One objection a prospect raised in one of the organization's crm calls.
 *
 * @param id its id
 * @param orgId the organization whose call it was
 * @param conversationId crm's conversation
 * @param transcriptId crm's transcript line
 * @param text the line as kept ({@link ProspectLines#clean})
 * @param theme what it is about
 * @param heardAt when crm added the line (the event's time)
 * @param eventId the {@code transcript.added} event it came from
 */
record HeardObjection(
    UUID id,
    UUID orgId,
    UUID conversationId,
    UUID transcriptId,
    String text,
    ObjectionTheme theme,
    Instant heardAt,
    UUID eventId) {}
