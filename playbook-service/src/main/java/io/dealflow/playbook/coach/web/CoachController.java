package io.dealflow.playbook.coach.web;

import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Tenant;
import io.dealflow.playbook.coach.Coach;
import io.dealflow.playbook.coach.CoachRating;
import io.dealflow.playbook.coach.CoachTurn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * The playbook coach over HTTP. realtime-service relays the HelloSales {@code /ws} chat here with
 * the rep's own token; the same endpoints serve any client that reads server-sent events.
 */
@RestController
@RequestMapping("/api/v1/sailwind/coach")
@Tag(name = "Sailwind playbook coach (HelloSales)")
@SecurityRequirement(name = "bearer")
class CoachController {

  /** The longest question, in characters (the {@code /ws} chat's limit too). */
  static final int MAX_QUESTION = 4000;

  /** The longest feedback comment, in characters. */
  static final int MAX_COMMENT = 2000;

  private final Coach coach;

  CoachController(Coach coach) {
    this.coach = coach;
  }

  @PostMapping(path = "/messages", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(
      summary = "Ask the coach; the answer streams as server-sent events",
      description =
          "Events: `start` {messageId}, `chunk` {content} one or more times, then `complete`"
              + " {messageId, fullContent} or `error` {code, message}. Closing the stream stops the"
              + " answer; what was written is kept, marked cancelled. The conversation's recent"
              + " turns are the coach's memory.")
  Flux<ServerSentEvent<String>> ask(Tenant caller, @Valid @RequestBody Question question) {
    return coach.ask(
        organization(caller), caller.userId(), question.conversationId(), question.content());
  }

  @PostMapping("/messages/{messageId}/feedback")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Rate one of the caller's coach answers",
      description = "A second rating of the same answer replaces the first. Not the caller's: 404.")
  FeedbackResponse feedback(
      Tenant caller, @PathVariable UUID messageId, @Valid @RequestBody Feedback feedback) {
    CoachRating rating =
        coach.rate(
            organization(caller),
            caller.userId(),
            messageId,
            feedback.rating(),
            feedback.comment());
    return new FeedbackResponse(
        rating.messageId(),
        rating.rating(),
        rating.comment(),
        rating.createdAt(),
        rating.updatedAt());
  }

  @GetMapping("/conversations/{conversationId}/messages")
  @Operation(
      summary = "The caller's turns of one conversation, oldest first",
      description = "The last `limit` turns (1-200, default 50), with the caller's ratings.")
  List<TurnResponse> conversation(
      Tenant caller,
      @PathVariable UUID conversationId,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return coach.conversation(organization(caller), caller.userId(), conversationId, limit).stream()
        .map(TurnResponse::of)
        .toList();
  }

  private static UUID organization(Tenant caller) {
    UUID orgId = caller.orgId();
    if (orgId == null) {
      throw ApiException.forbidden("You don't belong to an organization");
    }
    return orgId;
  }

  @Schema(name = "SailwindCoachQuestion")
  record Question(
      @NotNull UUID conversationId, @NotBlank @Size(max = MAX_QUESTION) String content) {}

  @Schema(name = "SailwindCoachFeedback")
  record Feedback(
      @NotNull @Min(1) @Max(5) Integer rating, @Nullable @Size(max = MAX_COMMENT) String comment) {}

  @Schema(name = "SailwindCoachFeedbackResponse")
  record FeedbackResponse(
      UUID messageId, int rating, @Nullable String comment, Instant createdAt, Instant updatedAt) {}

  @Schema(name = "SailwindCoachTurn")
  record TurnResponse(
      UUID id,
      UUID conversationId,
      String role,
      String content,
      String status,
      @Nullable Instant createdAt,
      @Nullable Instant completedAt,
      @Nullable Integer rating,
      @Nullable String comment) {

    static TurnResponse of(CoachTurn turn) {
      return new TurnResponse(
          turn.id(),
          turn.conversationId(),
          turn.role().name().toLowerCase(),
          turn.content(),
          turn.status().name().toLowerCase(),
          turn.createdAt(),
          turn.completedAt(),
          turn.rating(),
          turn.comment());
    }
  }
}
