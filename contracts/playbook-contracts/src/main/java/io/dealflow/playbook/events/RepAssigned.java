package io.dealflow.playbook.events;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An admin assigned a rep to practise selling a product to a client.
 *
 * @param assignmentId the rep assignment
 * @param userId the rep
 * @param productId the product
 * @param clientId the client
 * @param strategyId the strategy to practise, if one was given
 * @param minPracticeMinutes the practice the rep owes, in minutes
 * @param assignedBy the admin who assigned it
 */
public record RepAssigned(
    UUID assignmentId,
    UUID userId,
    UUID productId,
    UUID clientId,
    @Nullable UUID strategyId,
    int minPracticeMinutes,
    UUID assignedBy) {}
