package io.dealflow.crm.events;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A deal was won ({@code deal.won}) or lost ({@code deal.lost}). The VectorOS webhook payload.
 *
 * @param dealId the deal
 * @param value its value
 * @param workspaceId its workspace
 */
public record DealClosed(UUID dealId, BigDecimal value, UUID workspaceId) {}
