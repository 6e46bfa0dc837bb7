package io.dealflow.support.conversation;

import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.events.Outbox;
import io.dealflow.platform.security.Tenant;
import io.dealflow.support.access.Access;
import io.dealflow.support.answer.Citation;
import io.dealflow.support.events.SupportEscalated;
import io.dealflow.support.events.SupportEvents;
import io.dealflow.support.events.SupportMessageCreated;
import io.dealflow.support.range.TimeRange;
import io.dealflow.support.redaction.Redacted;
import io.dealflow.support.redaction.Redactor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Support chat sessions and their messages. A customer (any member who is not staff) sees the
 * sessions it opened; the organization's staff see all of them; anyone else gets 404. Every message
 * is masked ({@link Redactor}) before it is stored or published, and each stored message is
 * published as {@code support.message.created} in the same transaction.
 */
@Service
public class Conversations {

  private static final Logger log = LoggerFactory.getLogger(Conversations.class);

  private final SupportSessions sessions;
  private final Messages messages;
  private final MessageFeedbacks feedbacks;
  private final Redactor redactor;
  private final Outbox outbox;
  private final Clock clock;

  Conversations(
      SupportSessions sessions,
      Messages messages,
      MessageFeedbacks feedbacks,
      Redactor redactor,
      Outbox outbox,
      Clock clock) {
    this.sessions = sessions;
    this.messages = messages;
    this.feedbacks = feedbacks;
    this.redactor = redactor;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * A message as posted: the stored (masked) message and the masks applied, clear values included.
   */
  public record Posted(Message message, Redacted redacted) {}

  /** One page of a list and the list's size. */
  public record Page<T>(List<T> items, long total) {}

  @Transactional
  public SupportSession open(
      Tenant caller, String customerId, String channel, Map<String, Object> metadata) {
    UUID orgId = Access.organization(caller);
    SupportSession session =
        SupportSession.open(orgId, caller.userId(), customerId, channel, metadata, clock.instant());
    sessions.insert(session);
    log.info("Support session {} opened in organization {} ({})", session.id(), orgId, channel);
    return session;
  }

  /**
   * @throws ApiException 404 when the session does not exist or is not the caller's to see
   */
  public SupportSession find(Tenant caller, UUID sessionId) {
    UUID orgId = Access.organization(caller);
    return sessions
        .find(orgId, sessionId)
        .filter(session -> visible(caller, session))
        .orElseThrow(Conversations::sessionNotFound);
  }

  /** The session, locked for the rest of the caller's transaction. */
  public SupportSession lock(Tenant caller, UUID sessionId) {
    UUID orgId = Access.organization(caller);
    return sessions
        .lock(orgId, sessionId)
        .filter(session -> visible(caller, session))
        .orElseThrow(Conversations::sessionNotFound);
  }

  public Page<SupportSession> list(
      Tenant caller,
      @Nullable String status,
      TimeRange created,
      @Nullable String search,
      String order,
      int offset,
      int limit) {
    UUID orgId = Access.organization(caller);
    UUID onlyOf = Access.isStaff(caller) ? null : caller.userId();
    return new Page<>(
        sessions.list(orgId, onlyOf, status, created, search, order, offset, limit),
        sessions.count(orgId, onlyOf, status, created, search));
  }

  @Transactional
  public SupportSession end(Tenant caller, UUID sessionId) {
    SupportSession ended = lock(caller, sessionId).end(clock.instant());
    save(ended);
    log.info("Support session {} ended", sessionId);
    return ended;
  }

  /**
   * Posts a message without asking the assistant: a customer's ({@code user}, the session's own
   * user only), or the support team's ({@code agent} or {@code system}, staff only). The first
   * agent message of a session makes its writer the session's agent.
   */
  @Transactional
  public Posted post(
      Tenant caller,
      UUID sessionId,
      String content,
      MessageType type,
      Map<String, Object> metadata) {
    SupportSession session = lock(caller, sessionId);
    session.requireOpen();
    switch (type) {
      case BOT ->
          throw ApiException.invalid(
              "message_type", "enum", "bot messages are written by the assistant only");
      case AGENT, SYSTEM -> {
        if (!Access.isStaff(caller)) {
          throw ApiException.forbidden("Only the support team writes agent and system messages");
        }
      }
      case USER -> {
        if (!session.userId().equals(caller.userId())) {
          throw ApiException.forbidden("Only the session's customer writes user messages");
        }
      }
    }
    if (type == MessageType.AGENT && session.agentId() == null) {
      save(session.takenBy(caller.userId()));
      log.info("Support session {} taken over by agent {}", sessionId, caller.userId());
    }
    Redacted redacted = redactor.redact(content);
    Message message =
        Message.written(
            session.orgId(),
            sessionId,
            caller.userId(),
            type,
            redacted.text(),
            metadata,
            spans(redacted),
            clock.instant());
    append(session, message);
    return new Posted(message, redacted);
  }

  public Page<Message> messages(Tenant caller, UUID sessionId, int offset, int limit) {
    SupportSession session = find(caller, sessionId);
    return new Page<>(
        messages.ofSession(session.orgId(), sessionId, offset, limit),
        messages.countOfSession(session.orgId(), sessionId));
  }

  /**
   * Rates one of the assistant's answers.
   *
   * @throws ApiException 404 for a message the caller cannot see; 400 for a message that is not an
   *     answer of the assistant
   */
  @Transactional
  public MessageFeedback rate(
      Tenant caller,
      UUID messageId,
      int rating,
      @Nullable String feedback,
      @Nullable String category) {
    UUID orgId = Access.organization(caller);
    Message message =
        messages
            .find(orgId, messageId)
            .filter(
                m ->
                    sessions.find(orgId, m.sessionId()).filter(s -> visible(caller, s)).isPresent())
            .orElseThrow(() -> ApiException.notFound("Message"));
    if (message.type() != MessageType.BOT) {
      throw ApiException.invalid(
          "message_id", "not_an_answer", "only the assistant's answers can be rated");
    }
    String comment = feedback == null ? null : redactor.redact(feedback).text();
    MessageFeedback rated =
        new MessageFeedback(messageId, caller.userId(), rating, comment, category, clock.instant());
    feedbacks.save(orgId, rated);
    return rated;
  }

  /** Stores a message of the session and publishes it, in the caller's transaction. */
  public void append(SupportSession session, Message message) {
    messages.insert(message);
    outbox.append(
        SupportEvents.SUPPORT_MESSAGE_CREATED,
        session.id(),
        session.orgId(),
        new SupportMessageCreated(
            message.id(),
            session.id(),
            session.customerId(),
            message.type().id(),
            message.content(),
            message.status(),
            message.senderId(),
            message.citations().stream().map(Conversations::cited).toList(),
            message.createdAt()));
  }

  /** Records whether the assistant could answer a customer's message. */
  public void markAnswered(Message question, boolean answered) {
    messages.markAnswered(question.orgId(), question.id(), answered);
  }

  /** The customer's earlier questions in the session that the assistant could not answer. */
  public List<String> unansweredQuestions(SupportSession session) {
    return messages.unansweredQuestions(session.orgId(), session.id());
  }

  /**
   * Hands the session to a person and publishes {@code support.escalated}, in the caller's
   * transaction.
   */
  public SupportSession escalate(
      SupportSession session, String reason, UUID ticketId, @Nullable UUID messageId) {
    Instant now = clock.instant();
    SupportSession escalated = session.escalate(reason, ticketId, now);
    save(escalated);
    outbox.append(
        SupportEvents.SUPPORT_ESCALATED,
        session.id(),
        session.orgId(),
        new SupportEscalated(session.id(), session.customerId(), ticketId, reason, messageId, now));
    log.info("Support session {} escalated ({}), ticket {}", session.id(), reason, ticketId);
    return escalated;
  }

  /** The masks of a redaction as stored: without the clear values. */
  public static List<MaskedSpan> spans(Redacted redacted) {
    return redacted.redactions().stream()
        .map(r -> new MaskedSpan(r.type().wireName(), r.masked(), r.start(), r.end()))
        .toList();
  }

  private void save(SupportSession session) {
    if (!sessions.update(session)) {
      throw ApiException.conflict(
          "SESSION_CHANGED", "The session was changed at the same time; try again");
    }
  }

  private static boolean visible(Tenant caller, SupportSession session) {
    return session.userId().equals(caller.userId()) || Access.isStaff(caller);
  }

  private static SupportMessageCreated.Citation cited(Citation citation) {
    return new SupportMessageCreated.Citation(
        citation.source(),
        citation.title(),
        citation.url(),
        citation.excerpt(),
        citation.confidence());
  }

  private static ApiException sessionNotFound() {
    return ApiException.notFound("Session");
  }
}
