package io.dealflow.support.ticket.web;

import io.dealflow.platform.security.Tenant;
import io.dealflow.support.conversation.Conversations.Page;
import io.dealflow.support.ticket.Ticket;
import io.dealflow.support.ticket.TicketDraft;
import io.dealflow.support.ticket.TicketManagement;
import io.dealflow.support.web.Ids;
import io.dealflow.support.web.ListQuery;
import io.dealflow.support.web.ListQuery.Sort;
import io.dealflow.support.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

/** HeliosCS support tickets. */
@RestController
@RequestMapping("/api/v1/support/tickets")
@Tag(name = "Tickets (HeliosCS)")
@SecurityRequirement(name = "bearer")
class TicketController {

  static final String STATUS = "open|in_progress|pending|resolved|closed";
  static final String PRIORITY = "low|medium|high|urgent";

  private static final Map<String, String> SORTABLE =
      Map.of(
          "created_at", "created_at",
          "updated_at", "updated_at",
          "status", "status",
          "title", "title",
          "priority",
              "CASE priority WHEN 'low' THEN 0 WHEN 'medium' THEN 1 WHEN 'high' THEN 2 ELSE 3 END");

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record CreateTicket(
      @Nullable String sessionId,
      @NotBlank @Size(max = 300) @Nullable String title,
      @Size(max = 10_000) @Nullable String description,
      @Pattern(regexp = PRIORITY, message = "must be one of low, medium, high, urgent")
          @Nullable String priority,
      @Size(max = 100) @Nullable String category,
      @Size(max = 200) @Nullable String customerId) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record UpdateTicket(
      @Pattern(
              regexp = STATUS,
              message = "must be one of open, in_progress, pending, resolved, closed")
          @Nullable String status,
      @Pattern(regexp = PRIORITY, message = "must be one of low, medium, high, urgent")
          @Nullable String priority,
      @Nullable String assigneeId) {}

  @Schema(name = "Ticket")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record TicketBody(
      UUID ticketId,
      UUID id,
      @Nullable UUID sessionId,
      @Nullable String customerId,
      String title,
      String description,
      String status,
      String priority,
      @Nullable String category,
      @Nullable UUID assigneeId,
      UUID createdBy,
      Instant createdAt,
      Instant updatedAt,
      @Nullable Instant resolvedAt) {

    static TicketBody of(Ticket ticket) {
      return new TicketBody(
          ticket.id(),
          ticket.id(),
          ticket.sessionId(),
          ticket.customerId(),
          ticket.title(),
          ticket.description(),
          ticket.status(),
          ticket.priority(),
          ticket.category(),
          ticket.assigneeId(),
          ticket.createdBy(),
          ticket.createdAt(),
          ticket.updatedAt(),
          ticket.resolvedAt());
    }
  }

  private final TicketManagement tickets;

  TicketController(TicketManagement tickets) {
    this.tickets = tickets;
  }

  @PostMapping("/create")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Open a ticket",
      description =
          "`title` required; `priority` low, medium (default), high or urgent; `session_id` of a"
              + " session the caller can see. Publishes `ticket.created`.")
  TicketBody create(Tenant caller, @Valid @RequestBody CreateTicket request) {
    return TicketBody.of(
        tickets.open(
            caller,
            new TicketDraft(
                request.sessionId() == null ? null : Ids.parse(request.sessionId(), "Session"),
                request.customerId(),
                Objects.requireNonNull(request.title()).strip(),
                request.description() == null ? "" : request.description(),
                request.priority() == null ? "medium" : request.priority(),
                request.category())));
  }

  @GetMapping
  @Operation(
      summary = "Tickets: staff see the organization's, others those opened by or for them",
      description =
          "`page`, `size`, `filter[status]`, `filter[priority]`, `filter[assignee_id]`,"
              + " `filter[created_at]` (`from..to`), `sort` (created_at, updated_at, priority,"
              + " status, title; default created_at:desc), `search` (title and description).")
  ResponseEntity<List<TicketBody>> list(
      Tenant caller,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam Map<String, String> parameters) {
    Paging paging = Paging.of(page, size);
    ListQuery query = new ListQuery(parameters);
    Sort sort = query.sort(SORTABLE.keySet(), new Sort("created_at", false));
    String assignee = parameters.get("filter[assignee_id]");
    Page<Ticket> found =
        tickets.list(
            caller,
            query.filter("status", Ticket.STATUSES),
            query.filter("priority", Ticket.PRIORITIES),
            assignee == null || assignee.isBlank() ? null : Ids.parse(assignee, "Assignee"),
            query.range("created_at"),
            query.search(),
            SORTABLE.get(sort.field()) + (sort.ascending() ? " ASC" : " DESC"),
            paging.offset(),
            paging.size());
    return paging.respond(found.items().stream().map(TicketBody::of).toList(), found.total());
  }

  @GetMapping("/{ticketId}")
  @Operation(summary = "One ticket", description = "404 `NOT_FOUND`.")
  TicketBody get(Tenant caller, @PathVariable String ticketId) {
    return TicketBody.of(tickets.find(caller, Ids.parse(ticketId, "Ticket")));
  }

  @PutMapping("/{ticketId}")
  @Operation(
      summary = "Change a ticket's status, priority or assignee (staff)",
      description = "Fields left out stay as they are. 404 `NOT_FOUND`.")
  TicketBody update(
      Tenant caller, @PathVariable String ticketId, @Valid @RequestBody UpdateTicket request) {
    return TicketBody.of(
        tickets.update(
            caller,
            Ids.parse(ticketId, "Ticket"),
            request.status(),
            request.priority(),
            request.assigneeId() == null ? null : Ids.parse(request.assigneeId(), "Assignee")));
  }
}
