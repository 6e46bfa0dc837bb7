package io.dealflow.support.chat;

import io.dealflow.platform.security.Tenant;
import io.dealflow.support.answer.Answer;
import io.dealflow.support.answer.Answers;
import io.dealflow.support.answer.Classification;
import io.dealflow.support.answer.Classifier;
import io.dealflow.support.answer.ExtractiveAnswers;
import io.dealflow.support.conversation.Conversations;
import io.dealflow.support.conversation.Message;
import io.dealflow.support.conversation.MessageType;
import io.dealflow.support.conversation.SupportSession;
import io.dealflow.support.knowledge.KnowledgeSearch;
import io.dealflow.support.knowledge.Passage;
import io.dealflow.support.knowledge.SearchMode;
import io.dealflow.support.redaction.Redacted;
import io.dealflow.support.redaction.Redaction;
import io.dealflow.support.redaction.Redactor;
import io.dealflow.support.ticket.Ticket;
import io.dealflow.support.ticket.TicketManagement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers a customer's message:
 *
 * <ol>
 *   <li>masks its personal data first ({@link Redactor}); nothing after this step sees the clear
 *       values — not the database, the logs, the events, search or a model;
 *   <li>searches the organization's knowledge ({@link KnowledgeSearch}, hybrid);
 *   <li>writes the answer from the passages found ({@link Answers}) and classifies the message
 *       ({@link Classifier});
 *   <li>stores the question and the answer and, when {@link EscalationRules} say so, hands the
 *       session to a person: it becomes {@code escalated}, a ticket is opened, and {@code
 *       support.escalated} and {@code ticket.created} are published, all in one transaction.
 * </ol>
 *
 * In a session a person has taken over, the assistant stays quiet: the message is stored (and
 * reaches the live chat) without an answer.
 */
@Service
public class ChatProcessing {

  static final String HANDOVER =
      "I'm connecting you with a member of our support team; they will continue this chat here.";

  private static final Logger log = LoggerFactory.getLogger(ChatProcessing.class);

  /**
   * What became of a message.
   *
   * @param reply the assistant's answer; null when a person handles the session
   * @param answer what the answer was made of; null when a person handles the session
   * @param escalationReason why the session was handed over by this message, if it was
   * @param ticket the ticket opened by this message's escalation, if any
   */
  public record Outcome(
      SupportSession session,
      Message question,
      @Nullable Message reply,
      Redacted redacted,
      @Nullable Answer answer,
      Classification classification,
      @Nullable String escalationReason,
      @Nullable Ticket ticket) {

    /** Whether a person has to (or already does) answer the customer. */
    public boolean escalationNeeded() {
      return escalationReason != null || answer == null;
    }
  }

  private final Conversations conversations;
  private final TicketManagement tickets;
  private final KnowledgeSearch search;
  private final Answers answers;
  private final Redactor redactor;
  private final ChatSettings settings;
  private final TransactionTemplate transaction;
  private final Clock clock;

  ChatProcessing(
      Conversations conversations,
      TicketManagement tickets,
      KnowledgeSearch search,
      Answers answers,
      Redactor redactor,
      ChatSettings settings,
      TransactionTemplate transaction,
      Clock clock) {
    this.conversations = conversations;
    this.tickets = tickets;
    this.search = search;
    this.answers = answers;
    this.redactor = redactor;
    this.settings = settings;
    this.transaction = transaction;
    this.clock = clock;
  }

  public Outcome process(
      Tenant caller, UUID sessionId, String message, Map<String, Object> context) {
    long started = System.nanoTime();
    Redacted redacted = redactor.redact(message);
    String question = redacted.text();
    SupportSession session = conversations.find(caller, sessionId);
    session.requireOpen();
    if (session.isEscalated()) {
      return transaction.execute(status -> forPerson(caller, sessionId, redacted, context));
    }
    List<Passage> passages =
        search.search(
            session.orgId(),
            withoutMasks(redacted),
            null,
            settings.passages(),
            0,
            SearchMode.HYBRID);
    Answer answer = answers.answer(question, passages, settings.answerThreshold());
    Passage best = passages.isEmpty() ? null : passages.getFirst();
    Classification classification =
        Classifier.classify(
            question, best == null ? null : best.content(), best == null ? null : best.category());
    Outcome outcome =
        transaction.execute(
            status -> {
              SupportSession locked = conversations.lock(caller, sessionId);
              locked.requireOpen();
              if (locked.isEscalated()) {
                return forPerson(caller, sessionId, redacted, context);
              }
              Optional<String> reason =
                  EscalationRules.reason(
                      question,
                      classification,
                      answer,
                      conversations.unansweredQuestions(locked),
                      settings);
              Message asked =
                  question(locked, caller, redacted, context, classification, answer.answered());
              conversations.append(locked, asked);
              SupportSession current = locked;
              Ticket ticket = null;
              if (reason.isPresent()) {
                ticket =
                    tickets.openForEscalation(
                        locked,
                        "Chat handed to the support team: " + reason.get().replace('_', ' '),
                        question,
                        classification.urgency().equals("high") ? "high" : "medium");
                current = conversations.escalate(locked, reason.get(), ticket.id(), asked.id());
              }
              Message reply =
                  reply(
                      locked,
                      answer,
                      asked,
                      classification,
                      reason.orElse(null),
                      (int) ((System.nanoTime() - started) / 1_000_000));
              conversations.append(locked, reply);
              return new Outcome(
                  current,
                  asked,
                  reply,
                  redacted,
                  answer,
                  classification,
                  reason.orElse(null),
                  ticket);
            });
    log.info(
        "Session {}: question {} answered {} (confidence {}, {} citations, intent {}){}",
        sessionId,
        outcome.question().id(),
        answer.answered() ? "from the knowledge" : "with no answer",
        answer.confidence(),
        answer.citations().size(),
        classification.intent(),
        outcome.escalationReason() == null ? "" : ", escalated: " + outcome.escalationReason());
    return outcome;
  }

  /**
   * The masked question without its masks, for search: a mask says nothing about the question's
   * subject, and its asterisks would only blur the match. Masks keep their value's length, so their
   * positions hold in the masked text.
   */
  static String withoutMasks(Redacted redacted) {
    StringBuilder text = new StringBuilder(redacted.text());
    for (Redaction redaction : redacted.redactions()) {
      for (int i = redaction.start(); i < redaction.end(); i++) {
        text.setCharAt(i, ' ');
      }
    }
    return text.toString().replaceAll("\\s+", " ").strip();
  }

  /** A message in a session a person handles: stored and shown, not answered. */
  private Outcome forPerson(
      Tenant caller, UUID sessionId, Redacted redacted, Map<String, Object> context) {
    SupportSession locked = conversations.lock(caller, sessionId);
    locked.requireOpen();
    Classification classification = Classifier.classify(redacted.text(), null, null);
    Message asked = question(locked, caller, redacted, context, classification, null);
    conversations.append(locked, asked);
    log.info("Session {}: message {} left for the support team", sessionId, asked.id());
    return new Outcome(locked, asked, null, redacted, null, classification, null, null);
  }

  private Message question(
      SupportSession session,
      Tenant caller,
      Redacted redacted,
      Map<String, Object> context,
      Classification classification,
      @Nullable Boolean answered) {
    return new Message(
        UUID.randomUUID(),
        session.orgId(),
        session.id(),
        caller.userId(),
        MessageType.USER,
        redacted.text(),
        "sent",
        context.isEmpty() ? Map.of() : Map.of("context", context),
        List.of(),
        Conversations.spans(redacted),
        classification.intent(),
        null,
        classification.sentiment().id(),
        answered,
        null,
        clock.instant());
  }

  private Message reply(
      SupportSession session,
      Answer answer,
      Message asked,
      Classification classification,
      @Nullable String handOverReason,
      int elapsedMs) {
    String text = answer.text();
    if (handOverReason != null) {
      if (handOverReason.equals("customer_request")) {
        text = HANDOVER;
      } else if (answer.answered()) {
        text = answer.text() + "\n\n" + HANDOVER;
      } else {
        text = ExtractiveAnswers.NOT_FOUND + " " + HANDOVER;
      }
    }
    return new Message(
        UUID.randomUUID(),
        session.orgId(),
        session.id(),
        null,
        MessageType.BOT,
        text,
        "sent",
        Map.of("in_reply_to", asked.id().toString(), "writer", answer.writer()),
        answer.citations(),
        asked.redactions(),
        classification.intent(),
        answer.confidence(),
        null,
        answer.answered(),
        elapsedMs,
        clock.instant());
  }
}
