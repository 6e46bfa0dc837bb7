package io.dealflow.crm.events;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A lead was created (by a user, an import or an integration sync).
 *
 * @param leadId the lead
 * @param assistantId the assistant it is assigned to, if any
 * @param name the lead's name
 * @param email the lead's email, if known
 * @param source where the lead came from (website, referral, hubspot, csv, ...)
 * @param status its status: new, qualified, proposal or closed
 * @param score its lead score, 0–100
 */
public record LeadCreated(
    UUID leadId,
    @Nullable UUID assistantId,
    String name,
    @Nullable String email,
    @Nullable String source,
    String status,
    int score) {}
