package io.dealflow.playbook.coach;

import io.dealflow.platform.ai.ActiveAiProvider;
import io.dealflow.platform.ai.AiProviderException;
import io.dealflow.platform.ai.Assistant;
import io.dealflow.platform.error.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers a rep's chat turn: grounded in their assignments ({@link Grounding}), with the
 * conversation's recent history, by the platform's {@link Assistant} (an OpenAI-compatible model,
 * or the {@link OfflineCoach}). Both turns are stored; the answer streams as server-sent events
 * {@code start}, {@code chunk}… and {@code complete} (or {@code error}), and whatever becomes of it
 * — complete, cancelled by the rep, failed — is stored with the text written so far.
 */
@Service
public class Coach {

  /** The turns of history a prompt carries at most. */
  public static final int HISTORY_TURNS = 20;

  /** The characters of history a prompt carries at most: older turns are left out first. */
  static final int HISTORY_CHARACTERS = 8_000;

  private static final Logger log = LoggerFactory.getLogger(Coach.class);

  private final Assistant assistant;
  private final Grounding grounding;
  private final CoachMessages messages;
  private final TransactionTemplate transactions;
  private final JsonMapper json;
  private final MeterRegistry meters;
  private final Clock clock;

  Coach(
      Assistant assistant,
      Grounding grounding,
      CoachMessages messages,
      TransactionTemplate transactions,
      JsonMapper json,
      MeterRegistry meters) {
    this.assistant = assistant;
    this.grounding = grounding;
    this.messages = messages;
    this.transactions = transactions;
    this.json = json;
    this.meters = meters;
    this.clock = Clock.systemUTC();
  }

  public Flux<ServerSentEvent<String>> ask(
      UUID orgId, UUID userId, UUID conversationId, String content) {
    List<CoachTurn> history =
        bounded(messages.conversation(orgId, userId, conversationId, HISTORY_TURNS));
    Brief brief = grounding.of(orgId, userId);
    ActiveAiProvider provider = assistant.provider();
    UUID answerId = UUID.randomUUID();
    Instant now = clock.instant();
    transactions.executeWithoutResult(
        status -> {
          messages.insert(
              UUID.randomUUID(),
              orgId,
              userId,
              conversationId,
              CoachTurn.Role.REP,
              content,
              CoachTurn.Status.COMPLETE,
              null,
              now);
          messages.insert(
              answerId,
              orgId,
              userId,
              conversationId,
              CoachTurn.Role.COACH,
              "",
              CoachTurn.Status.ANSWERING,
              provider.kind() == ActiveAiProvider.Kind.OFFLINE
                  ? "offline " + provider.model()
                  : provider.model(),
              now);
        });
    Prompt prompt = prompt(brief, history, content);
    StringBuffer written = new StringBuffer();
    AtomicBoolean ended = new AtomicBoolean();
    long started = System.nanoTime();
    Flux<ServerSentEvent<String>> answer =
        assistant.stream(prompt)
            .map(
                piece -> {
                  written.append(piece);
                  ObjectNode chunk = json.createObjectNode().put("content", piece);
                  return event("chunk", chunk);
                });
    return Flux.concat(
            Flux.just(
                event("start", json.createObjectNode().put("messageId", answerId.toString()))),
            answer,
            Flux.defer(
                () -> {
                  end(answerId, written, CoachTurn.Status.COMPLETE, ended, started, provider);
                  return Flux.just(
                      event(
                          "complete",
                          json.createObjectNode()
                              .put("messageId", answerId.toString())
                              .put("fullContent", written.toString())));
                }))
        .onErrorResume(
            failure -> {
              end(answerId, written, CoachTurn.Status.FAILED, ended, started, provider);
              return Flux.just(event("error", failureOf(failure)));
            })
        .doOnCancel(
            () -> end(answerId, written, CoachTurn.Status.CANCELLED, ended, started, provider));
  }

  /** Stores the rep's rating of one of their answers. */
  public CoachRating rate(
      UUID orgId, UUID userId, UUID messageId, int rating, @Nullable String comment) {
    messages
        .answer(orgId, userId, messageId)
        .orElseThrow(() -> ApiException.notFound("Coach answer " + messageId));
    return messages.rate(orgId, userId, messageId, rating, comment, clock.instant());
  }

  public List<CoachTurn> conversation(UUID orgId, UUID userId, UUID conversationId, int limit) {
    return messages.conversation(orgId, userId, conversationId, limit);
  }

  private void end(
      UUID answerId,
      StringBuffer written,
      CoachTurn.Status outcome,
      AtomicBoolean ended,
      long started,
      ActiveAiProvider provider) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    messages.finish(answerId, written.toString(), outcome, clock.instant());
    long millis = (System.nanoTime() - started) / 1_000_000;
    meters
        .counter(
            "dealflow.coach.answers",
            "provider",
            provider.kind().name().toLowerCase(),
            "outcome",
            outcome.name().toLowerCase())
        .increment();
    log.info(
        "Coach answer {} {} after {} ms ({} characters, {})",
        answerId,
        outcome.name().toLowerCase(),
        millis,
        written.length(),
        provider.describe());
  }

  private ObjectNode failureOf(Throwable failure) {
    String message;
    if (failure instanceof AiProviderException provider) {
      log.warn("The coach's AI provider failed: {} {}", provider.reason(), provider.getMessage());
      message =
          switch (provider.reason()) {
            case RATE_LIMITED -> "The coach is busy: try again in a minute";
            case TIMED_OUT -> "The coach took too long to answer: try again";
            default -> "The coach cannot answer right now: try again later";
          };
    } else {
      log.error("The coach failed to answer", failure);
      message = "The coach cannot answer right now: try again later";
    }
    return json.createObjectNode().put("code", "SERVICE_UNAVAILABLE").put("message", message);
  }

  /** The system brief, the history as the rep's and the coach's turns, then the new question. */
  static Prompt prompt(Brief brief, List<CoachTurn> history, String question) {
    List<Message> conversation = new ArrayList<>();
    conversation.add(new SystemMessage(brief.render()));
    for (CoachTurn turn : history) {
      conversation.add(
          turn.role() == CoachTurn.Role.REP
              ? new UserMessage(turn.content())
              : new AssistantMessage(turn.content()));
    }
    conversation.add(new UserMessage(question));
    return new Prompt(conversation);
  }

  /**
   * The turns a prompt carries: the rep's questions and the coach's complete answers, newest first
   * until {@link #HISTORY_CHARACTERS} are reached, in their order.
   */
  static List<CoachTurn> bounded(List<CoachTurn> turns) {
    List<CoachTurn> kept = new ArrayList<>();
    int characters = 0;
    for (int i = turns.size() - 1; i >= 0; i--) {
      CoachTurn turn = turns.get(i);
      if (turn.role() == CoachTurn.Role.COACH && turn.status() != CoachTurn.Status.COMPLETE) {
        continue;
      }
      characters += turn.content().length();
      if (characters > HISTORY_CHARACTERS) {
        break;
      }
      kept.addFirst(turn);
    }
    return kept;
  }

  private ServerSentEvent<String> event(String name, ObjectNode data) {
    return ServerSentEvent.builder(json.writeValueAsString(data)).event(name).build();
  }
}
