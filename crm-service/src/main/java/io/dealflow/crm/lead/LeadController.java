package io.dealflow.crm.lead;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dealflow.crm.jsonapi.Callers;
import io.dealflow.crm.jsonapi.Document;
import io.dealflow.crm.jsonapi.ListDocument;
import io.dealflow.crm.jsonapi.Lists;
import io.dealflow.crm.jsonapi.PageRequest;
import io.dealflow.crm.jsonapi.QueryParameters;
import io.dealflow.crm.jsonapi.Relationship;
import io.dealflow.crm.jsonapi.Resource;
import io.dealflow.crm.jsonapi.Sort;
import io.dealflow.crm.lead.LeadRequests.LeadBody;
import io.dealflow.crm.lead.LeadRequests.StatusBody;
import io.dealflow.platform.security.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Spotlight OS leads (JSON:API; errors in the Spotlight format). */
@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Spotlight leads")
@SecurityRequirement(name = "bearer")
class LeadController {

  static final String TYPE = "lead";
  private static final Map<String, String> SORTABLE =
      Map.of(
          "name", "name",
          "email", "email",
          "score", "score",
          "status", "status",
          "source", "source",
          "created_at", "created_at",
          "updated_at", "updated_at");

  private final LeadBook book;
  private final Clock clock = Clock.systemUTC();

  LeadController(LeadBook book) {
    this.book = book;
  }

  @GetMapping
  @Operation(
      summary = "List leads",
      description =
          "Filters: assistant_id, status (new, qualified, proposal, closed), source,"
              + " created_after (date or date-time). search with search_fields (name, email,"
              + " company; all three by default). sort: name, email, score, status, source,"
              + " created_at, updated_at; order: asc, desc.")
  ResponseEntity<ListDocument> list(
      Tenant caller,
      @RequestParam(name = "assistant_id", required = false) @Nullable UUID assistantId,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String source,
      @RequestParam(name = "created_after", required = false) @Nullable String createdAfter,
      @RequestParam(required = false) @Nullable String search,
      @RequestParam(name = "search_fields", required = false) @Nullable String searchFields,
      @RequestParam(required = false) @Nullable String sort,
      @RequestParam(required = false) @Nullable String order,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(name = "per_page", required = false) @Nullable Integer perPage,
      HttpServletRequest request) {
    UUID orgId = Callers.organization(caller);
    LeadFilter filter =
        new LeadFilter(
            assistantId,
            QueryParameters.oneOf("status", status, LeadStatus.WIRE_NAMES, LeadStatus::fromWire),
            source == null || source.isBlank() ? null : source.strip(),
            QueryParameters.from("created_after", createdAfter),
            search == null || search.isBlank() ? null : search.strip(),
            searchFields(searchFields));
    Sort sorting = Sort.of(sort, order, SORTABLE, "created_at");
    return Lists.ok(
        request,
        book.list(orgId, filter, sorting, PageRequest.of(page, perPage))
            .map(LeadController::resource));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Get a lead, with its score breakdown")
  Document get(Tenant caller, @PathVariable UUID id) {
    return Document.of(resource(book.get(Callers.organization(caller), id)), clock);
  }

  @PostMapping
  @Operation(summary = "Create a lead (its score is computed; see score_breakdown)")
  ResponseEntity<Document> create(Tenant caller, @Valid @RequestBody LeadBody body) {
    Lead lead = book.create(Callers.organization(caller), body.lead());
    return ResponseEntity.created(URI.create("/api/v1/leads/" + lead.id()))
        .body(Document.of(resource(lead), clock));
  }

  @PatchMapping("/{id}")
  @Operation(
      summary = "Change a lead",
      description =
          "Absent attributes keep their value; metadata is merged (a null value removes a key)."
              + " A score given here overrides the computed one until score_override is false.")
  Document update(Tenant caller, @PathVariable UUID id, @Valid @RequestBody LeadBody body) {
    return Document.of(resource(book.update(Callers.organization(caller), id, body.lead())), clock);
  }

  @PatchMapping("/{id}/status")
  @Operation(summary = "Change a lead's status: {\"status\": \"qualified\"}")
  Document status(Tenant caller, @PathVariable UUID id, @Valid @RequestBody StatusBody body) {
    return Document.of(
        resource(
            book.changeStatus(
                Callers.organization(caller), id, Objects.requireNonNull(body.status()))),
        clock);
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a lead and its appointments (its conversations stay)")
  ResponseEntity<Void> delete(Tenant caller, @PathVariable UUID id) {
    book.delete(Callers.organization(caller), id);
    return ResponseEntity.noContent().build();
  }

  private static Set<String> searchFields(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return LeadFilter.SEARCHABLE;
    }
    Set<String> fields = new LinkedHashSet<>();
    for (String field : value.split(",")) {
      String name = field.strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (!LeadFilter.SEARCHABLE.contains(name)) {
        throw QueryParameters.invalid(
            "search_fields",
            "Parameter search_fields may name "
                + String.join(", ", LeadFilter.SEARCHABLE.stream().sorted().toList())
                + ", not '"
                + field.strip()
                + "'");
      }
      fields.add(name);
    }
    return fields.isEmpty() ? LeadFilter.SEARCHABLE : fields;
  }

  static Resource resource(Lead lead) {
    return Resource.of(
            lead.id(),
            TYPE,
            new Attributes(
                lead.name(),
                lead.email(),
                lead.phone(),
                lead.source(),
                lead.status().wire(),
                lead.qualified(),
                lead.qualifiedAt(),
                lead.score(),
                lead.scoreOverride(),
                lead.computedScore(),
                lead.breakdown(),
                lead.metadata(),
                lead.createdAt(),
                lead.updatedAt()))
        .with("assistant", Relationship.toOne("assistant", lead.assistantId()));
  }

  /**
   * A lead's attributes: the seed's, plus how its score came about.
   *
   * @param name its name
   * @param email its email
   * @param phone its phone number
   * @param source where it came from
   * @param status new, qualified, proposal or closed
   * @param qualified whether it is qualified
   * @param qualifiedAt when it became qualified
   * @param score its score, 0–100
   * @param scoreOverride whether the score was set by hand
   * @param computedScore the score its data gives
   * @param scoreBreakdown what each criterion added to the computed score, and why
   * @param metadata the client's facts about it
   * @param createdAt when it was created
   * @param updatedAt when it last changed
   */
  record Attributes(
      String name,
      @Nullable String email,
      @Nullable String phone,
      @Nullable String source,
      String status,
      boolean qualified,
      @JsonProperty("qualified_at") @Nullable Instant qualifiedAt,
      int score,
      @JsonProperty("score_override") boolean scoreOverride,
      @JsonProperty("computed_score") int computedScore,
      @JsonProperty("score_breakdown") List<Criterion> scoreBreakdown,
      Map<String, Object> metadata,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("updated_at") Instant updatedAt) {}
}
