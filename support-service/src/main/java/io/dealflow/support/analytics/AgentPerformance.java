package io.dealflow.support.analytics;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One member of the support team over a period.
 *
 * @param sessionsHandled escalated sessions it took over
 * @param messagesSent its agent messages
 * @param averageFirstResponseTime seconds from a session's escalation to its first message in it
 * @param ticketsAssigned tickets assigned to it
 * @param ticketsResolved of which resolved or closed
 * @param averageResolutionTime hours from a ticket's opening to its resolution
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AgentPerformance(
    UUID agentId,
    long sessionsHandled,
    long messagesSent,
    @Nullable Double averageFirstResponseTime,
    long ticketsAssigned,
    long ticketsResolved,
    @Nullable Double averageResolutionTime) {}
