package io.dealflow.crm.events;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A deal was deleted; whoever counts deals (pipeline analytics) stops counting it.
 *
 * @param dealId the deal
 * @param workspaceId its workspace
 * @param stage the stage it was in
 * @param value its value when deleted
 */
public record DealDeleted(UUID dealId, UUID workspaceId, String stage, BigDecimal value) {}
