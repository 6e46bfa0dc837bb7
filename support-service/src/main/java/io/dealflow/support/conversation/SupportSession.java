package io.dealflow.support.conversation;

import io.dealflow.platform.error.ApiException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A support chat session: a customer talking to the assistant, then to a person if it is escalated.
 *
 * @param userId the user who opened it (the customer's own login, or staff opening it for them)
 * @param customerId the customer, as the client names it
 * @param channel {@code web}, {@code mobile}, {@code email} or {@code chat}
 * @param escalationReason why it was handed to a person, once it was
 * @param ticketId the ticket opened when it was escalated
 * @param agentId the person of the support team who took it over, once one wrote in it
 */
public record SupportSession(
    UUID id,
    UUID orgId,
    UUID userId,
    String customerId,
    String channel,
    SessionStatus status,
    Map<String, Object> metadata,
    Instant createdAt,
    @Nullable Instant endedAt,
    @Nullable Instant escalatedAt,
    @Nullable String escalationReason,
    @Nullable UUID ticketId,
    @Nullable UUID agentId,
    int version) {

  public SupportSession {
    metadata = Map.copyOf(metadata);
  }

  static SupportSession open(
      UUID orgId,
      UUID userId,
      String customerId,
      String channel,
      Map<String, Object> metadata,
      Instant now) {
    return new SupportSession(
        UUID.randomUUID(),
        orgId,
        userId,
        customerId,
        channel,
        SessionStatus.ACTIVE,
        metadata,
        now,
        null,
        null,
        null,
        null,
        null,
        0);
  }

  /**
   * @throws ApiException 409 {@code SESSION_ENDED} when it has already ended
   */
  SupportSession end(Instant now) {
    requireOpen();
    return new SupportSession(
        id,
        orgId,
        userId,
        customerId,
        channel,
        SessionStatus.ENDED,
        metadata,
        createdAt,
        now,
        escalatedAt,
        escalationReason,
        ticketId,
        agentId,
        version);
  }

  /** Hands the session to a person; an escalated session stays as it was escalated. */
  SupportSession escalate(String reason, UUID ticket, Instant now) {
    requireOpen();
    return new SupportSession(
        id,
        orgId,
        userId,
        customerId,
        channel,
        SessionStatus.ESCALATED,
        metadata,
        createdAt,
        endedAt,
        now,
        reason,
        ticket,
        agentId,
        version);
  }

  /** The person of the support team who answers it from now on. */
  SupportSession takenBy(UUID agent) {
    requireOpen();
    return new SupportSession(
        id,
        orgId,
        userId,
        customerId,
        channel,
        status,
        metadata,
        createdAt,
        endedAt,
        escalatedAt,
        escalationReason,
        ticketId,
        agent,
        version);
  }

  public boolean isEscalated() {
    return status == SessionStatus.ESCALATED;
  }

  /**
   * @throws ApiException 409 {@code SESSION_ENDED} when the session has ended
   */
  public void requireOpen() {
    if (status == SessionStatus.ENDED) {
      throw ApiException.conflict("SESSION_ENDED", "The session has ended");
    }
  }
}
