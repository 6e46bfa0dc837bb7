package io.dealflow.support.conversation.web;

import io.dealflow.platform.security.Tenant;
import io.dealflow.support.conversation.Conversations;
import io.dealflow.support.conversation.Conversations.Page;
import io.dealflow.support.conversation.SessionStatus;
import io.dealflow.support.conversation.SupportSession;
import io.dealflow.support.conversation.web.ConversationRequests.CreateSession;
import io.dealflow.support.conversation.web.ConversationResponses.SessionBody;
import io.dealflow.support.web.Ids;
import io.dealflow.support.web.ListQuery;
import io.dealflow.support.web.ListQuery.Sort;
import io.dealflow.support.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
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

/** HeliosCS chat sessions. */
@RestController
@RequestMapping("/api/v1/support/sessions")
@Tag(name = "Sessions (HeliosCS)")
@SecurityRequirement(name = "bearer")
class SessionController {

  static final int HISTORY = 500;

  private static final Map<String, String> SORTABLE =
      Map.of("created_at", "created_at", "status", "status", "customer_id", "customer_id");

  private final Conversations conversations;

  SessionController(Conversations conversations) {
    this.conversations = conversations;
  }

  @PostMapping("/create")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Open a chat session",
      description =
          "201 with the session, `status` `active`. `customer_id` required; `channel` web (default),"
              + " mobile, email or chat.")
  SessionBody create(Tenant caller, @Valid @RequestBody CreateSession request) {
    SupportSession session =
        conversations.open(
            caller,
            Objects.requireNonNull(request.customerId()).strip(),
            request.channel() == null ? "web" : request.channel(),
            request.metadata() == null ? Map.of() : request.metadata());
    return SessionBody.of(session, null);
  }

  @GetMapping
  @Operation(
      summary = "Sessions: staff see the organization's, customers their own",
      description =
          "`page`, `size`, `filter[status]` (active, ended, escalated), `filter[created_at]`"
              + " (`from..to`), `sort` (created_at, status, customer_id; default created_at:desc),"
              + " `search` (customer id).")
  ResponseEntity<List<SessionBody>> list(
      Tenant caller,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam Map<String, String> parameters) {
    Paging paging = Paging.of(page, size);
    ListQuery query = new ListQuery(parameters);
    Set<String> statuses =
        Arrays.stream(SessionStatus.values()).map(SessionStatus::id).collect(Collectors.toSet());
    Sort sort = query.sort(SORTABLE.keySet(), new Sort("created_at", false));
    Page<SupportSession> found =
        conversations.list(
            caller,
            query.filter("status", statuses),
            query.range("created_at"),
            query.search(),
            SORTABLE.get(sort.field()) + (sort.ascending() ? " ASC" : " DESC"),
            paging.offset(),
            paging.size());
    return paging.respond(
        found.items().stream().map(session -> SessionBody.of(session, null)).toList(),
        found.total());
  }

  @GetMapping("/{sessionId}")
  @Operation(
      summary = "A session with its conversation history",
      description = "The first " + HISTORY + " messages, oldest first. 404 `NOT_FOUND`.")
  SessionBody get(Tenant caller, @PathVariable String sessionId) {
    SupportSession session = conversations.find(caller, Ids.parse(sessionId, "Session"));
    return SessionBody.of(
        session, conversations.messages(caller, session.id(), 0, HISTORY).items());
  }

  @PutMapping("/{sessionId}/end")
  @Operation(
      summary = "End a session",
      description = "`status` becomes `ended`; 409 `SESSION_ENDED` when it already has.")
  SessionBody end(Tenant caller, @PathVariable String sessionId) {
    return SessionBody.of(conversations.end(caller, Ids.parse(sessionId, "Session")), null);
  }
}
