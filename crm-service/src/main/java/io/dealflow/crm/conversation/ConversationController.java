package io.dealflow.crm.conversation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dealflow.crm.conversation.ConversationRequests.ConversationBody;
import io.dealflow.crm.conversation.ConversationRequests.TranscriptBody;
import io.dealflow.crm.conversation.audio.AudioAttributes;
import io.dealflow.crm.conversation.audio.AudioOwner;
import io.dealflow.crm.conversation.audio.AudioResponses;
import io.dealflow.crm.conversation.audio.AudioStore;
import io.dealflow.crm.conversation.audio.StoredAudio;
import io.dealflow.crm.jsonapi.Callers;
import io.dealflow.crm.jsonapi.Document;
import io.dealflow.crm.jsonapi.ListDocument;
import io.dealflow.crm.jsonapi.Lists;
import io.dealflow.crm.jsonapi.Page;
import io.dealflow.crm.jsonapi.PageRequest;
import io.dealflow.crm.jsonapi.QueryParameters;
import io.dealflow.crm.jsonapi.Relationship;
import io.dealflow.crm.jsonapi.Resource;
import io.dealflow.crm.jsonapi.Sort;
import io.dealflow.platform.security.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Spotlight OS conversations, their transcripts and recordings (JSON:API). */
@RestController
@RequestMapping("/api/v1/conversations")
@Tag(name = "Spotlight conversations")
@SecurityRequirement(name = "bearer")
class ConversationController {

  static final String TYPE = "conversation";
  static final String TRANSCRIPT = "transcript";
  private static final Map<String, String> SORTABLE =
      Map.of(
          "created_at", "created_at",
          "updated_at", "updated_at",
          "started_at", "started_at",
          "score", "score",
          "duration", "duration");

  private final ConversationBook book;
  private final AudioStore audio;
  private final Clock clock = Clock.systemUTC();

  ConversationController(ConversationBook book, AudioStore audio) {
    this.book = book;
    this.audio = audio;
  }

  @GetMapping
  @Operation(
      summary = "List conversations",
      description =
          "Filters: lead_id, assistant_id, status (in_progress, completed, failed), date_from,"
              + " date_to (dates, inclusive, or date-times; on when the conversation started)."
              + " sort: created_at, updated_at, started_at, score, duration.")
  ResponseEntity<ListDocument> list(
      Tenant caller,
      @RequestParam(name = "lead_id", required = false) @Nullable UUID leadId,
      @RequestParam(name = "assistant_id", required = false) @Nullable UUID assistantId,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(name = "date_from", required = false) @Nullable String dateFrom,
      @RequestParam(name = "date_to", required = false) @Nullable String dateTo,
      @RequestParam(required = false) @Nullable String sort,
      @RequestParam(required = false) @Nullable String order,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(name = "per_page", required = false) @Nullable Integer perPage,
      HttpServletRequest request) {
    UUID orgId = Callers.organization(caller);
    ConversationFilter filter =
        new ConversationFilter(
            leadId,
            assistantId,
            QueryParameters.oneOf(
                "status", status, ConversationStatus.WIRE_NAMES, ConversationStatus::fromWire),
            QueryParameters.from("date_from", dateFrom),
            QueryParameters.until("date_to", dateTo));
    Page<Conversation> conversations =
        book.list(
            orgId,
            filter,
            Sort.of(sort, order, SORTABLE, "created_at"),
            PageRequest.of(page, perPage));
    Map<UUID, StoredAudio> recordings =
        audio.findAll(
            orgId,
            AudioOwner.CONVERSATION,
            conversations.items().stream().map(Conversation::id).toList());
    return Lists.ok(request, conversations.map(c -> resource(c, recordings.get(c.id()))));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Get a conversation with its transcripts (in included)")
  Document get(Tenant caller, @PathVariable UUID id) {
    UUID orgId = Callers.organization(caller);
    return withTranscripts(book.get(orgId, id));
  }

  @PostMapping
  @Operation(summary = "Record a conversation")
  ResponseEntity<Document> create(Tenant caller, @Valid @RequestBody ConversationBody body) {
    Conversation created = book.create(Callers.organization(caller), body.conversation());
    return ResponseEntity.created(URI.create("/api/v1/conversations/" + created.id()))
        .body(withTranscripts(created));
  }

  @PatchMapping("/{id}")
  @Operation(
      summary = "Change a conversation",
      description =
          "Status completed emits conversation.completed; score and sentiment are computed from"
              + " the transcripts when not given.")
  Document update(Tenant caller, @PathVariable UUID id, @Valid @RequestBody ConversationBody body) {
    return withTranscripts(book.update(Callers.organization(caller), id, body.conversation()));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a conversation, its transcripts and its recording")
  ResponseEntity<Void> delete(Tenant caller, @PathVariable UUID id) {
    book.delete(Callers.organization(caller), id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/transcripts")
  @Operation(summary = "List a conversation's transcripts, in the order they were said")
  ResponseEntity<ListDocument> transcripts(
      Tenant caller,
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(name = "per_page", required = false) @Nullable Integer perPage,
      HttpServletRequest request) {
    UUID orgId = Callers.organization(caller);
    return Lists.ok(
        request,
        book.transcripts(orgId, id, PageRequest.of(page, perPage))
            .map(ConversationController::transcript));
  }

  @PostMapping("/{id}/transcripts")
  @Operation(
      summary = "Add a transcript line",
      description = "Sentiment and metadata.keywords are computed from the content when absent.")
  ResponseEntity<Document> addTranscript(
      Tenant caller, @PathVariable UUID id, @Valid @RequestBody TranscriptBody body) {
    Transcript added = book.addTranscript(Callers.organization(caller), id, body.transcript());
    return ResponseEntity.created(URI.create("/api/v1/conversations/" + id + "/transcripts"))
        .body(Document.of(transcript(added), clock));
  }

  @PostMapping(path = "/{id}/audio", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Upload the conversation's recording (multipart: audio_file, format, duration)",
      description =
          "mp3, wav, m4a, ogg, webm or flac, recognised by content; at most"
              + " dealflow.crm.uploads.max-audio-size (25 MB). Replaces the previous one.")
  ResponseEntity<Document> uploadAudio(
      Tenant caller,
      @PathVariable UUID id,
      @RequestPart(name = "audio_file", required = false) @Nullable MultipartFile file,
      @RequestParam(required = false) @Nullable String format,
      @RequestParam(required = false) @Nullable String duration) {
    UUID orgId = Callers.organization(caller);
    book.get(orgId, id);
    StoredAudio stored = audio.store(orgId, AudioOwner.CONVERSATION, id, file, duration, format);
    return AudioResponses.created(AudioOwner.CONVERSATION, stored, audioUrl(id), clock);
  }

  @GetMapping("/{id}/audio")
  @Operation(summary = "The conversation's recording (its bytes)")
  ResponseEntity<byte[]> audio(Tenant caller, @PathVariable UUID id) {
    UUID orgId = Callers.organization(caller);
    return AudioResponses.content(audio.content(orgId, AudioOwner.CONVERSATION, id), "Audio");
  }

  private Document withTranscripts(Conversation conversation) {
    List<Transcript> lines = book.transcripts(conversation.orgId(), conversation.id());
    StoredAudio recording =
        audio.find(conversation.orgId(), AudioOwner.CONVERSATION, conversation.id()).orElse(null);
    Resource resource =
        resource(conversation, recording)
            .with(
                "transcripts",
                Relationship.toMany(TRANSCRIPT, lines.stream().map(Transcript::id).toList()));
    return Document.of(
        resource, lines.stream().map(ConversationController::transcript).toList(), clock);
  }

  private static Resource resource(Conversation c, @Nullable StoredAudio recording) {
    return Resource.of(
            c.id(),
            TYPE,
            new Attributes(
                c.source(),
                c.duration(),
                c.score(),
                c.sentiment() == null ? null : c.sentiment().wire(),
                c.status().wire(),
                c.metadata(),
                recording == null ? null : AudioAttributes.of(recording, audioUrl(c.id())),
                c.startedAt(),
                c.endedAt(),
                c.createdAt(),
                c.updatedAt()))
        .with("lead", Relationship.toOne("lead", c.leadId()))
        .with("assistant", Relationship.toOne("assistant", c.assistantId()));
  }

  private static Resource transcript(Transcript t) {
    return Resource.of(
            t.id(),
            TRANSCRIPT,
            new TranscriptAttributes(
                t.content(),
                t.speaker(),
                t.sentiment().wire(),
                t.confidence(),
                t.timestamp(),
                t.metadata(),
                t.createdAt()))
        .with("conversation", Relationship.toOne(TYPE, t.conversationId()));
  }

  private static String audioUrl(UUID id) {
    return "/api/v1/conversations/" + id + "/audio";
  }

  /**
   * A conversation's attributes.
   *
   * @param source how it happened
   * @param duration its length in seconds
   * @param score 0–10
   * @param sentiment positive, neutral or negative
   * @param status in_progress, completed or failed
   * @param metadata the client's facts
   * @param audio its recording, null when none was uploaded
   * @param startedAt when it started
   * @param endedAt when it ended
   * @param createdAt when it was recorded
   * @param updatedAt when it last changed
   */
  record Attributes(
      @Nullable String source,
      @Nullable Integer duration,
      @Nullable Double score,
      @Nullable String sentiment,
      String status,
      Map<String, Object> metadata,
      @Nullable AudioAttributes audio,
      @JsonProperty("started_at") @Nullable Instant startedAt,
      @JsonProperty("ended_at") @Nullable Instant endedAt,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("updated_at") Instant updatedAt) {}

  /**
   * A transcript's attributes.
   *
   * @param content what was said
   * @param speaker who said it
   * @param sentiment positive, neutral or negative
   * @param confidence the transcription's confidence
   * @param timestamp seconds from the conversation's start
   * @param metadata the client's facts and the keywords
   * @param createdAt when it was recorded
   */
  record TranscriptAttributes(
      String content,
      String speaker,
      String sentiment,
      @Nullable Double confidence,
      double timestamp,
      Map<String, Object> metadata,
      @JsonProperty("created_at") Instant createdAt) {}
}
