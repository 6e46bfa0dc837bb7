package io.dealflow.support.ticket;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A support ticket. Title and description are stored masked.
 *
 * @param status {@code open}, {@code in_progress}, {@code pending}, {@code resolved} or {@code
 *     closed}
 * @param priority {@code low}, {@code medium}, {@code high} or {@code urgent}
 * @param assigneeId the member of the support team working on it
 * @param resolvedAt when it was last resolved or closed; cleared when it is reopened
 */
public record Ticket(
    UUID id,
    UUID orgId,
    @Nullable UUID sessionId,
    @Nullable String customerId,
    String title,
    String description,
    String status,
    String priority,
    @Nullable String category,
    @Nullable UUID assigneeId,
    UUID createdBy,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant resolvedAt,
    int version) {

  public static final Set<String> STATUSES =
      Set.of("open", "in_progress", "pending", "resolved", "closed");
  public static final Set<String> PRIORITIES = Set.of("low", "medium", "high", "urgent");

  /** A change of status, priority or assignee; a null leaves that field as it is. */
  Ticket change(
      @Nullable String newStatus,
      @Nullable String newPriority,
      @Nullable UUID newAssignee,
      Instant now) {
    String nextStatus = newStatus == null ? status : newStatus;
    boolean done = nextStatus.equals("resolved") || nextStatus.equals("closed");
    Instant resolved =
        done ? (resolvedAt == null || !nextStatus.equals(status) ? now : resolvedAt) : null;
    return new Ticket(
        id,
        orgId,
        sessionId,
        customerId,
        title,
        description,
        nextStatus,
        newPriority == null ? priority : newPriority,
        category,
        newAssignee == null ? assigneeId : newAssignee,
        createdBy,
        createdAt,
        now,
        resolved,
        version);
  }
}
