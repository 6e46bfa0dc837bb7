package io.dealflow.crm.events;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A deal was created in a workspace (by a user or an integration sync).
 *
 * @param dealId the deal
 * @param workspaceId its workspace (organization)
 * @param title its title
 * @param value its value, in {@code currency}
 * @param currency ISO 4217 code
 * @param stage its stage
 * @param assignedTo the user it is assigned to, if any
 */
public record DealCreated(
    UUID dealId,
    UUID workspaceId,
    String title,
    BigDecimal value,
    String currency,
    String stage,
    @Nullable UUID assignedTo) {}
