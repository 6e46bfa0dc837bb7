package io.dealflow.crm.conversation;

import io.dealflow.crm.analysis.ConversationAnalysis;
import io.dealflow.crm.analysis.ConversationAnalysis.Assessment;
import io.dealflow.crm.analysis.Keywords;
import io.dealflow.crm.analysis.Sentiment;
import io.dealflow.crm.analysis.SentimentLexicon;
import io.dealflow.crm.assistant.AssistantDirectory;
import io.dealflow.crm.conversation.ConversationRequests.ConversationChange;
import io.dealflow.crm.conversation.ConversationRequests.TranscriptChange;
import io.dealflow.crm.conversation.audio.AudioOwner;
import io.dealflow.crm.conversation.audio.AudioStore;
import io.dealflow.crm.events.ConversationCompleted;
import io.dealflow.crm.events.ConversationStatusChanged;
import io.dealflow.crm.events.CrmEvents;
import io.dealflow.crm.events.TranscriptAdded;
import io.dealflow.crm.jsonapi.JsonObjects;
import io.dealflow.crm.jsonapi.Page;
import io.dealflow.crm.jsonapi.PageRequest;
import io.dealflow.crm.jsonapi.Sort;
import io.dealflow.crm.jsonapi.Violations;
import io.dealflow.crm.lead.LeadDirectory;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.events.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording conversations and what was said in them. Completing a conversation fills in what the
 * client did not give: its score and sentiment from the transcripts ({@link ConversationAnalysis}),
 * its end (now) and its duration (from start to end). A score or sentiment computed this way
 * follows the transcripts added later; one the client gave stays. Every change that can move a
 * lead's engagement recomputes that lead's score in the same transaction.
 */
@Service
class ConversationBook {

  private final Conversations conversations;
  private final Transcripts transcripts;
  private final LeadDirectory leads;
  private final AssistantDirectory assistants;
  private final AudioStore audio;
  private final Outbox outbox;
  private final Clock clock = Clock.systemUTC();

  ConversationBook(
      Conversations conversations,
      Transcripts transcripts,
      LeadDirectory leads,
      AssistantDirectory assistants,
      AudioStore audio,
      Outbox outbox) {
    this.conversations = conversations;
    this.transcripts = transcripts;
    this.leads = leads;
    this.assistants = assistants;
    this.audio = audio;
    this.outbox = outbox;
  }

  @Transactional
  Conversation create(UUID orgId, ConversationChange change) {
    Violations violations = new Violations("conversation");
    UUID leadId = lead(orgId, change.leadId(), violations);
    UUID assistantId = assistant(orgId, change.assistantId(), violations);
    ConversationStatus status = status(change.status(), violations);
    Sentiment sentiment = sentiment(change.sentiment(), violations);
    violations.throwIfAny();
    Instant now = clock.instant();
    Conversation draft =
        new Conversation(
            UUID.randomUUID(),
            orgId,
            leadId,
            assistantId,
            strip(change.source()),
            status == null ? ConversationStatus.IN_PROGRESS : status,
            change.duration(),
            change.score(),
            false,
            sentiment,
            false,
            JsonObjects.merge(Map.of(), change.metadata()),
            change.startedAt() != null ? change.startedAt() : now,
            change.endedAt(),
            now,
            now);
    return settle(null, draft);
  }

  @Transactional
  Conversation update(UUID orgId, UUID id, ConversationChange change) {
    Violations violations = new Violations("conversation");
    UUID leadId = lead(orgId, change.leadId(), violations);
    UUID assistantId = assistant(orgId, change.assistantId(), violations);
    ConversationStatus status = status(change.status(), violations);
    Sentiment sentiment = sentiment(change.sentiment(), violations);
    violations.throwIfAny();
    Conversation before = conversations.lock(orgId, id).orElseThrow(ConversationBook::notFound);
    Conversation draft =
        new Conversation(
            before.id(),
            orgId,
            leadId != null ? leadId : before.leadId(),
            assistantId != null ? assistantId : before.assistantId(),
            change.source() != null ? strip(change.source()) : before.source(),
            status != null ? status : before.status(),
            change.duration() != null ? change.duration() : before.duration(),
            change.score() != null ? change.score() : before.score(),
            change.score() == null && before.scoreComputed(),
            sentiment != null ? sentiment : before.sentiment(),
            sentiment == null && before.sentimentComputed(),
            JsonObjects.merge(before.metadata(), change.metadata()),
            change.startedAt() != null ? change.startedAt() : before.startedAt(),
            change.endedAt() != null ? change.endedAt() : before.endedAt(),
            before.createdAt(),
            before.updatedAt());
    return settle(before, draft);
  }

  @Transactional(readOnly = true)
  Conversation get(UUID orgId, UUID id) {
    return conversations.find(orgId, id).orElseThrow(ConversationBook::notFound);
  }

  @Transactional(readOnly = true)
  Page<Conversation> list(UUID orgId, ConversationFilter filter, Sort sort, PageRequest page) {
    return new Page<>(
        conversations.page(orgId, filter, sort, page), conversations.count(orgId, filter), page);
  }

  /** Deletes the conversation, its transcripts and its recording. */
  @Transactional
  void delete(UUID orgId, UUID id) {
    Conversation conversation =
        conversations.lock(orgId, id).orElseThrow(ConversationBook::notFound);
    conversations.delete(orgId, id);
    audio.delete(orgId, AudioOwner.CONVERSATION, id);
    if (conversation.leadId() != null) {
      leads.engagementChanged(orgId, conversation.leadId());
    }
  }

  @Transactional(readOnly = true)
  List<Transcript> transcripts(UUID orgId, UUID conversationId) {
    get(orgId, conversationId);
    return transcripts.all(orgId, conversationId);
  }

  @Transactional(readOnly = true)
  Page<Transcript> transcripts(UUID orgId, UUID conversationId, PageRequest page) {
    get(orgId, conversationId);
    return new Page<>(
        transcripts.page(orgId, conversationId, page),
        transcripts.count(orgId, conversationId),
        page);
  }

  /**
   * Adds a line; its sentiment (lexicon) and {@code metadata.keywords} are computed from its
   * content when the client gave none.
   */
  @Transactional
  Transcript addTranscript(UUID orgId, UUID conversationId, TranscriptChange change) {
    Violations violations = new Violations("transcript");
    Sentiment given = sentiment(change.sentiment(), violations);
    Map<String, Object> metadata = JsonObjects.merge(Map.of(), change.metadata());
    Object keywords = metadata.get("keywords");
    if (keywords != null
        && !(keywords instanceof List<?> list
            && list.stream().allMatch(String.class::isInstance))) {
      violations.add("metadata", "invalid", "Metadata keywords must be a list of strings");
    }
    violations.throwIfAny();
    Conversation conversation =
        conversations.lock(orgId, conversationId).orElseThrow(ConversationBook::notFound);
    String content = Objects.requireNonNull(change.content()).strip();
    Sentiment sentiment = given != null ? given : SentimentLexicon.judge(content).sentiment();
    if (keywords == null) {
      metadata.put("keywords", Keywords.of(content));
    }
    Transcript saved =
        transcripts.insert(
            new Transcript(
                UUID.randomUUID(),
                orgId,
                conversationId,
                content,
                Objects.requireNonNull(change.speaker()).strip(),
                sentiment,
                change.confidence(),
                change.timestamp() == null ? 0 : change.timestamp(),
                metadata,
                clock.instant()));
    outbox.append(
        CrmEvents.TRANSCRIPT_ADDED,
        conversationId,
        orgId,
        new TranscriptAdded(
            saved.id(),
            conversationId,
            saved.content(),
            saved.speaker(),
            saved.sentiment().wire(),
            saved.timestamp(),
            saved.keywords()));
    if (conversation.status() == ConversationStatus.COMPLETED
        && (conversation.scoreComputed() || conversation.sentimentComputed())) {
      settle(conversation, conversation);
    } else if (conversation.leadId() != null) {
      leads.engagementChanged(orgId, conversation.leadId());
    }
    return saved;
  }

  /**
   * Completes what completion computes, stores the conversation, writes {@code
   * conversation.status.changed} when its status moved and {@code conversation.completed} when it
   * has just been completed, and rescores the leads concerned.
   *
   * @param before the conversation as stored, null for a new one
   */
  private Conversation settle(@Nullable Conversation before, Conversation draft) {
    boolean completedNow =
        draft.status() == ConversationStatus.COMPLETED
            && (before == null || before.status() != ConversationStatus.COMPLETED);
    Conversation settled =
        draft.status() == ConversationStatus.COMPLETED ? complete(draft, completedNow) : draft;
    Conversation saved =
        before == null ? conversations.insert(settled) : conversations.update(settled);
    if (before != null && before.status() != saved.status()) {
      outbox.append(
          CrmEvents.CONVERSATION_STATUS_CHANGED,
          saved.id(),
          saved.orgId(),
          new ConversationStatusChanged(
              saved.id(), saved.leadId(), before.status().wire(), saved.status().wire()));
    }
    if (completedNow) {
      outbox.append(
          CrmEvents.CONVERSATION_COMPLETED,
          saved.id(),
          saved.orgId(),
          new ConversationCompleted(
              saved.id(),
              saved.leadId(),
              Objects.requireNonNull(saved.score()),
              Objects.requireNonNull(saved.duration()),
              Objects.requireNonNull(saved.sentiment()).wire()));
    }
    Set<UUID> concerned = new LinkedHashSet<>();
    if (before != null && before.leadId() != null) {
      concerned.add(before.leadId());
    }
    if (saved.leadId() != null) {
      concerned.add(saved.leadId());
    }
    concerned.forEach(lead -> leads.engagementChanged(saved.orgId(), lead));
    return saved;
  }

  private Conversation complete(Conversation draft, boolean completedNow) {
    boolean computeScore = draft.score() == null || draft.scoreComputed();
    boolean computeSentiment = draft.sentiment() == null || draft.sentimentComputed();
    List<Transcript> lines =
        computeScore || computeSentiment || draft.duration() == null
            ? transcripts.all(draft.orgId(), draft.id())
            : List.of();
    Assessment assessment =
        ConversationAnalysis.assess(
            lines.stream()
                .map(t -> new ConversationAnalysis.Line(t.speaker(), t.content(), t.sentiment()))
                .toList());
    Instant endedAt =
        draft.endedAt() != null ? draft.endedAt() : completedNow ? clock.instant() : null;
    Integer duration = draft.duration();
    if (duration == null) {
      duration = duration(draft.startedAt(), endedAt, lines);
    }
    return new Conversation(
        draft.id(),
        draft.orgId(),
        draft.leadId(),
        draft.assistantId(),
        draft.source(),
        draft.status(),
        duration,
        computeScore ? Double.valueOf(assessment.score()) : draft.score(),
        computeScore,
        computeSentiment ? assessment.sentiment() : draft.sentiment(),
        computeSentiment,
        draft.metadata(),
        draft.startedAt(),
        endedAt,
        draft.createdAt(),
        draft.updatedAt());
  }

  /**
   * From start to end when both are known, else up to the last line's timestamp, else 0 (nothing
   * tells how long it was).
   */
  private static int duration(
      @Nullable Instant startedAt, @Nullable Instant endedAt, List<Transcript> lines) {
    if (startedAt != null && endedAt != null && !endedAt.isBefore(startedAt)) {
      return (int) Math.min(Integer.MAX_VALUE, Duration.between(startedAt, endedAt).toSeconds());
    }
    return (int) Math.ceil(lines.stream().mapToDouble(Transcript::timestamp).max().orElse(0));
  }

  private @Nullable UUID lead(UUID orgId, @Nullable String value, Violations violations) {
    return violations.existing("lead_id", "Lead", value, id -> leads.exists(orgId, id));
  }

  private @Nullable UUID assistant(UUID orgId, @Nullable String value, Violations violations) {
    return violations.existing(
        "assistant_id", "Assistant", value, id -> assistants.exists(orgId, id));
  }

  private static @Nullable ConversationStatus status(
      @Nullable String value, Violations violations) {
    return violations.oneOf(
        "status", "Status", value, ConversationStatus.WIRE_NAMES, ConversationStatus::fromWire);
  }

  private static @Nullable Sentiment sentiment(@Nullable String value, Violations violations) {
    return violations.oneOf(
        "sentiment", "Sentiment", value, Sentiment.WIRE_NAMES, Sentiment::fromWire);
  }

  private static ApiException notFound() {
    return ApiException.notFound("Conversation");
  }

  private static @Nullable String strip(@Nullable String value) {
    return value == null ? null : value.strip();
  }
}
