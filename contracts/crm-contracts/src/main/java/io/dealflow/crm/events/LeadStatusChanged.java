package io.dealflow.crm.events;

import java.util.UUID;

/**
 * A lead's status changed.
 *
 * @param leadId the lead
 * @param previousStatus the status before
 * @param status the status now
 * @param score the lead score now
 */
public record LeadStatusChanged(UUID leadId, String previousStatus, String status, int score) {}
