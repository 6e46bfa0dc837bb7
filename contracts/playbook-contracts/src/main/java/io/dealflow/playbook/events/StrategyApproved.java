package io.dealflow.playbook.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A sales strategy was approved: reps may now be assigned to practise it.
 *
 * @param strategyId the strategy
 * @param productId the product it sells
 * @param clientId the client it is for
 * @param approvedBy the user who approved it
 * @param approvedAt when
 */
public record StrategyApproved(
    UUID strategyId, UUID productId, UUID clientId, UUID approvedBy, Instant approvedAt) {}
