package io.dealflow.crm.appointment;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dealflow.crm.appointment.AppointmentRequests.AppointmentBody;
import io.dealflow.crm.jsonapi.Callers;
import io.dealflow.crm.jsonapi.Document;
import io.dealflow.crm.jsonapi.ListDocument;
import io.dealflow.crm.jsonapi.Lists;
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
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Spotlight OS appointments (JSON:API; errors in the Spotlight format). */
@RestController
@RequestMapping("/api/v1/appointments")
@Tag(name = "Spotlight appointments")
@SecurityRequirement(name = "bearer")
class AppointmentController {

  static final String TYPE = "appointment";
  private static final Map<String, String> SORTABLE =
      Map.of(
          "scheduled_at", "scheduled_at",
          "created_at", "created_at",
          "updated_at", "updated_at",
          "status", "status");

  private final AppointmentBook book;
  private final Clock clock = Clock.systemUTC();

  AppointmentController(AppointmentBook book) {
    this.book = book;
  }

  @GetMapping
  @Operation(
      summary = "List appointments",
      description =
          "Filters: lead_id, assistant_id, status (scheduled, completed, cancelled), date_from,"
              + " date_to (dates, inclusive, or date-times; on scheduled_at). Sorted by"
              + " scheduled_at ascending unless sort (scheduled_at, created_at, updated_at,"
              + " status) and order say otherwise.")
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
    AppointmentFilter filter =
        new AppointmentFilter(
            leadId,
            assistantId,
            QueryParameters.oneOf(
                "status", status, AppointmentStatus.WIRE_NAMES, AppointmentStatus::fromWire),
            QueryParameters.from("date_from", dateFrom),
            QueryParameters.until("date_to", dateTo));
    Sort sorting =
        sort == null && order == null
            ? new Sort("scheduled_at", false)
            : Sort.of(sort, order, SORTABLE, "scheduled_at");
    return Lists.ok(
        request,
        book.list(orgId, filter, sorting, PageRequest.of(page, perPage))
            .map(AppointmentController::resource));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Get an appointment")
  Document get(Tenant caller, @PathVariable UUID id) {
    return Document.of(resource(book.get(Callers.organization(caller), id)), clock);
  }

  @PostMapping
  @Operation(summary = "Book an appointment (emits appointment.scheduled)")
  ResponseEntity<Document> create(Tenant caller, @Valid @RequestBody AppointmentBody body) {
    Appointment created = book.create(Callers.organization(caller), body.appointment());
    return ResponseEntity.created(URI.create("/api/v1/appointments/" + created.id()))
        .body(Document.of(resource(created), clock));
  }

  @PatchMapping("/{id}")
  @Operation(
      summary = "Change an appointment",
      description = "A new scheduled_at emits appointment.scheduled again.")
  Document update(Tenant caller, @PathVariable UUID id, @Valid @RequestBody AppointmentBody body) {
    return Document.of(
        resource(book.update(Callers.organization(caller), id, body.appointment())), clock);
  }

  private static Resource resource(Appointment a) {
    return Resource.of(
            a.id(),
            TYPE,
            new Attributes(
                a.scheduledAt(),
                a.duration(),
                a.status().wire(),
                a.externalLink(),
                a.metadata(),
                a.createdAt(),
                a.updatedAt()))
        .with("lead", Relationship.toOne("lead", a.leadId()))
        .with("assistant", Relationship.toOne("assistant", a.assistantId()));
  }

  /**
   * An appointment's attributes.
   *
   * @param scheduledAt when it takes place
   * @param duration its length in minutes
   * @param status scheduled, completed or cancelled
   * @param externalLink the meeting's link
   * @param metadata the client's facts
   * @param createdAt when it was booked
   * @param updatedAt when it last changed
   */
  record Attributes(
      @JsonProperty("scheduled_at") Instant scheduledAt,
      int duration,
      String status,
      @JsonProperty("external_link") @Nullable String externalLink,
      Map<String, Object> metadata,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("updated_at") Instant updatedAt) {}
}
