package io.dealflow.crm.assistant;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dealflow.crm.assistant.AssistantRequests.AssistantBody;
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

/** Spotlight OS assistants (JSON:API; errors in the Spotlight format). */
@RestController
@RequestMapping("/api/v1/assistants")
@Tag(name = "Spotlight assistants")
@SecurityRequirement(name = "bearer")
class AssistantController {

  static final String TYPE = "assistant";
  private static final Map<String, String> SORTABLE =
      Map.of("name", "name", "created_at", "created_at", "updated_at", "updated_at");

  private final AssistantCatalog catalog;
  private final AudioStore audio;
  private final Clock clock = Clock.systemUTC();

  AssistantController(AssistantCatalog catalog, AudioStore audio) {
    this.catalog = catalog;
    this.audio = audio;
  }

  @GetMapping
  @Operation(summary = "List assistants (sort: name, created_at, updated_at)")
  ResponseEntity<ListDocument> list(
      Tenant caller,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(name = "per_page", required = false) @Nullable Integer perPage,
      @RequestParam(required = false) @Nullable String sort,
      @RequestParam(required = false) @Nullable String order,
      HttpServletRequest request) {
    UUID orgId = Callers.organization(caller);
    Page<Assistant> assistants =
        catalog.list(
            orgId, Sort.of(sort, order, SORTABLE, "created_at"), PageRequest.of(page, perPage));
    Map<UUID, StoredAudio> samples =
        audio.findAll(
            orgId, AudioOwner.ASSISTANT, assistants.items().stream().map(Assistant::id).toList());
    return Lists.ok(request, assistants.map(a -> resource(a, samples.get(a.id()))));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Get an assistant")
  Document get(Tenant caller, @PathVariable UUID id) {
    UUID orgId = Callers.organization(caller);
    return document(catalog.get(orgId, id));
  }

  @PostMapping
  @Operation(summary = "Create an assistant")
  ResponseEntity<Document> create(Tenant caller, @Valid @RequestBody AssistantBody body) {
    UUID orgId = Callers.organization(caller);
    Assistant created = catalog.create(orgId, caller.userId(), body.assistant());
    return ResponseEntity.created(URI.create("/api/v1/assistants/" + created.id()))
        .body(Document.of(resource(created, null), clock));
  }

  @PatchMapping("/{id}")
  @Operation(summary = "Change an assistant (absent attributes keep their value)")
  Document update(Tenant caller, @PathVariable UUID id, @Valid @RequestBody AssistantBody body) {
    UUID orgId = Callers.organization(caller);
    return document(catalog.update(orgId, id, body.assistant()));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete an assistant and its voice sample")
  ResponseEntity<Void> delete(Tenant caller, @PathVariable UUID id) {
    catalog.delete(Callers.organization(caller), id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping(path = "/{id}/voice_sample", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Upload the assistant's voice sample (multipart: voice_sample, format, duration)",
      description =
          "mp3, wav, m4a, ogg, webm or flac, recognised by content; at most"
              + " dealflow.crm.uploads.max-voice-sample-size (10 MB). Replaces the previous one.")
  ResponseEntity<Document> uploadVoiceSample(
      Tenant caller,
      @PathVariable UUID id,
      @RequestPart(name = "voice_sample", required = false) @Nullable MultipartFile file,
      @RequestParam(required = false) @Nullable String format,
      @RequestParam(required = false) @Nullable String duration) {
    UUID orgId = Callers.organization(caller);
    catalog.get(orgId, id);
    StoredAudio stored = audio.store(orgId, AudioOwner.ASSISTANT, id, file, duration, format);
    return AudioResponses.created(AudioOwner.ASSISTANT, stored, voiceSampleUrl(id), clock);
  }

  @GetMapping("/{id}/voice_sample")
  @Operation(summary = "The assistant's voice sample (its bytes)")
  ResponseEntity<byte[]> voiceSample(Tenant caller, @PathVariable UUID id) {
    UUID orgId = Callers.organization(caller);
    return AudioResponses.content(audio.content(orgId, AudioOwner.ASSISTANT, id), "Voice sample");
  }

  private Document document(Assistant assistant) {
    StoredAudio sample =
        audio.find(assistant.orgId(), AudioOwner.ASSISTANT, assistant.id()).orElse(null);
    return Document.of(resource(assistant, sample), clock);
  }

  private static Resource resource(Assistant assistant, @Nullable StoredAudio sample) {
    return Resource.of(
            assistant.id(),
            TYPE,
            new Attributes(
                assistant.name(),
                assistant.tone(),
                assistant.role(),
                assistant.script(),
                assistant.voiceSettings(),
                sample == null ? null : AudioAttributes.of(sample, voiceSampleUrl(assistant.id())),
                assistant.createdAt(),
                assistant.updatedAt()))
        .with("user", Relationship.toOne("user", assistant.userId()));
  }

  private static String voiceSampleUrl(UUID id) {
    return "/api/v1/assistants/" + id + "/voice_sample";
  }

  /**
   * An assistant's attributes.
   *
   * @param name its name
   * @param tone how it speaks
   * @param role what it acts as
   * @param script what it says
   * @param voiceSettings how it sounds
   * @param voiceSample its stored voice sample, null when none was uploaded
   * @param createdAt when it was created
   * @param updatedAt when it last changed
   */
  record Attributes(
      String name,
      @Nullable String tone,
      @Nullable String role,
      @Nullable String script,
      @JsonProperty("voice_settings") @Nullable VoiceSettings voiceSettings,
      @JsonProperty("voice_sample") @Nullable AudioAttributes voiceSample,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("updated_at") Instant updatedAt) {}
}
