package io.dealflow.support.knowledge.web;

import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Tenant;
import io.dealflow.support.access.Access;
import io.dealflow.support.knowledge.KnowledgeManagement;
import io.dealflow.support.knowledge.KnowledgeSearch;
import io.dealflow.support.knowledge.KnowledgeSource;
import io.dealflow.support.knowledge.Passage;
import io.dealflow.support.knowledge.SearchMode;
import io.dealflow.support.knowledge.SourceDraft;
import io.dealflow.support.web.Ids;
import io.dealflow.support.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** HeliosCS knowledge: sources (staff write, members read) and search. */
@RestController
@RequestMapping("/api/v1/support/knowledge")
@Tag(name = "Knowledge (HeliosCS)")
@SecurityRequirement(name = "bearer")
class KnowledgeController {

  static final String TYPE = "document|faq|policy|article|webpage";
  static final int MAX_CONTENT = 1_000_000;

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record SourceRequest(
      @NotBlank @Size(max = 300) @Nullable String name,
      @Pattern(regexp = TYPE, message = "must be one of document, faq, policy, article, webpage")
          @Nullable String type,
      @NotBlank @Size(max = MAX_CONTENT) @Nullable String content,
      @Size(max = 50, message = "must have at most 50 entries")
          @Nullable Map<String, Object> metadata) {

    SourceDraft draft() {
      Map<String, Object> meta = metadata == null ? Map.of() : metadata;
      return new SourceDraft(
          Objects.requireNonNull(name).strip(),
          type == null ? "document" : type,
          Objects.requireNonNull(content),
          text(meta, "category", 100),
          text(meta, "url", 2000),
          withoutNulls(meta),
          null);
    }
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record SearchResult(
      UUID chunkId,
      String source,
      UUID sourceId,
      String title,
      @Nullable String url,
      @Nullable String category,
      String content,
      double confidence) {

    static SearchResult of(Passage passage) {
      return new SearchResult(
          passage.chunkId(),
          passage.sourceId().toString(),
          passage.sourceId(),
          passage.sourceName(),
          passage.url(),
          passage.category(),
          passage.content(),
          passage.confidence());
    }
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record SearchResponse(String query, String mode, int total, List<SearchResult> results) {}

  private final KnowledgeManagement knowledge;
  private final KnowledgeSearch search;

  KnowledgeController(KnowledgeManagement knowledge, KnowledgeSearch search) {
    this.knowledge = knowledge;
    this.search = search;
  }

  @GetMapping("/sources")
  @Operation(
      summary = "The organization's knowledge sources, newest first",
      description = "`page`, `size`, `category`, `search` (name or text).")
  ResponseEntity<List<SourceBody>> list(
      Tenant caller,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(required = false) @Nullable String category,
      @RequestParam(required = false) @Nullable String search) {
    Paging paging = Paging.of(page, size);
    UUID orgId = Access.organization(caller);
    String wanted = blankToNull(search);
    String inCategory = blankToNull(category);
    return paging.respond(
        knowledge.list(orgId, inCategory, wanted, paging.offset(), paging.size()).stream()
            .map(source -> SourceBody.of(source, false))
            .toList(),
        knowledge.count(orgId, inCategory, wanted));
  }

  @PostMapping("/sources")
  @Operation(
      summary = "Add a knowledge source (staff)",
      description =
          "`name`, `type` (document, faq, policy, article, webpage), `content`, `metadata`"
              + " (`category` and `url` are used by search and citations). Cut into passages and"
              + " embedded: up to 50 passages before the answer (201, `status` `ready`:"
              + " searchable); a larger source in the background (202, `status` `indexing` until"
              + " `GET /sources/{id}` says `ready`).")
  ResponseEntity<SourceBody> add(Tenant caller, @Valid @RequestBody SourceRequest request) {
    UUID orgId = Access.staffOrganization(caller, "add knowledge sources");
    return created(knowledge.add(orgId, caller.userId(), request.draft()));
  }

  /** 201 for a source that is searchable now, 202 for one that is being indexed. */
  static ResponseEntity<SourceBody> created(KnowledgeSource source) {
    return ResponseEntity.status(
            source.status().equals(KnowledgeSource.READY)
                ? HttpStatus.CREATED
                : HttpStatus.ACCEPTED)
        .body(SourceBody.of(source, false));
  }

  @GetMapping("/sources/{sourceId}")
  @Operation(summary = "One knowledge source with its text")
  SourceBody get(Tenant caller, @PathVariable String sourceId) {
    return SourceBody.of(
        knowledge.find(Access.organization(caller), Ids.parse(sourceId, "Knowledge source")), true);
  }

  @PutMapping("/sources/{sourceId}")
  @Operation(summary = "Replace a knowledge source (staff)", description = "As for adding one.")
  SourceBody revise(
      Tenant caller, @PathVariable String sourceId, @Valid @RequestBody SourceRequest request) {
    UUID orgId = Access.staffOrganization(caller, "revise knowledge sources");
    return SourceBody.of(
        knowledge.revise(orgId, Ids.parse(sourceId, "Knowledge source"), request.draft()), false);
  }

  @DeleteMapping("/sources/{sourceId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a knowledge source and its passages (staff)")
  void remove(Tenant caller, @PathVariable String sourceId) {
    UUID orgId = Access.staffOrganization(caller, "remove knowledge sources");
    knowledge.remove(orgId, Ids.parse(sourceId, "Knowledge source"));
  }

  @GetMapping("/search")
  @Operation(
      summary = "Search the knowledge",
      description =
          "`q` (required), `limit` 1-50 (default 10), `category`, `confidence_threshold` 0-1"
              + " (default 0), `mode` hybrid (default), full_text or embeddings. Passages best"
              + " first with their source and confidence.")
  SearchResponse search(
      Tenant caller,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(defaultValue = "10") int limit,
      @RequestParam(required = false) @Nullable String category,
      @RequestParam(name = "confidence_threshold", defaultValue = "0") double threshold,
      @RequestParam(defaultValue = "hybrid") String mode) {
    UUID orgId = Access.organization(caller);
    if (q == null || q.isBlank()) {
      throw ApiException.invalid("q", "required", "must not be blank");
    }
    if (q.length() > 1000) {
      throw ApiException.invalid("q", "size", "must be at most 1000 characters");
    }
    if (limit < 1 || limit > 50) {
      throw ApiException.invalid("limit", "range", "must be between 1 and 50");
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw ApiException.invalid("confidence_threshold", "range", "must be between 0 and 1");
    }
    SearchMode searchMode;
    try {
      searchMode = SearchMode.valueOf(mode.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("mode", "enum", "must be one of hybrid, full_text, embeddings");
    }
    List<SearchResult> results =
        search.search(orgId, q, blankToNull(category), limit, threshold, searchMode).stream()
            .map(SearchResult::of)
            .toList();
    return new SearchResponse(q, mode.toLowerCase(Locale.ROOT), results.size(), results);
  }

  static @Nullable String text(Map<String, Object> metadata, String key, int max) {
    Object value = metadata.get(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text) || text.length() > max) {
      throw ApiException.invalid(
          "metadata." + key, "format", "must be a text of at most " + max + " characters");
    }
    return text.isBlank() ? null : text.strip();
  }

  static Map<String, Object> withoutNulls(Map<String, Object> metadata) {
    Map<String, Object> copy = new HashMap<>();
    metadata.forEach(
        (key, value) -> {
          if (value != null) {
            copy.put(key, value);
          }
        });
    return copy;
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
