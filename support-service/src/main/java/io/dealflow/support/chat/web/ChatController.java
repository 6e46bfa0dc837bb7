package io.dealflow.support.chat.web;

import io.dealflow.platform.security.Tenant;
import io.dealflow.support.answer.Answer;
import io.dealflow.support.answer.Citation;
import io.dealflow.support.chat.ChatProcessing;
import io.dealflow.support.chat.ChatProcessing.Outcome;
import io.dealflow.support.conversation.web.ConversationResponses.RedactionBody;
import io.dealflow.support.web.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** HeliosCS {@code POST /chat/process}: the assistant's answer to a customer's message. */
@RestController
@RequestMapping("/api/v1/support/chat")
@Tag(name = "Chat (HeliosCS)")
@SecurityRequirement(name = "bearer")
class ChatController {

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ProcessRequest(
      @NotBlank @Nullable String sessionId,
      @NotBlank @Size(max = 4000) @Nullable String message,
      @Size(max = 50, message = "must have at most 50 entries")
          @Nullable Map<String, Object> context) {}

  /**
   * The seed's answer, plus the stored messages' ids, the session's status, the sentiment and the
   * escalation's reason and ticket.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ProcessResponse(
      @Nullable String response,
      double confidence,
      List<Citation> citations,
      List<RedactionBody> redactions,
      boolean escalationNeeded,
      @Nullable String escalationReason,
      String intent,
      Map<String, String> entities,
      String sentiment,
      UUID sessionId,
      String sessionStatus,
      UUID questionId,
      @Nullable UUID messageId,
      @Nullable UUID ticketId) {}

  private final ChatProcessing chat;

  ChatController(ChatProcessing chat) {
    this.chat = chat;
  }

  @PostMapping("/process")
  @Operation(
      summary = "Answer a customer's message from the organization's knowledge",
      description =
          "Personal data is masked first (`redactions`, with the clear values, only in this"
              + " response). The answer is made of the knowledge's passages and cites them"
              + " (`citations`); when nothing relevant is found it says so. `escalation_needed`"
              + " when the customer asks for a person, sounds negative, asks again what could not"
              + " be answered, or nothing near the question is known: the session is then"
              + " `escalated` and a ticket opened. In an escalated session the message is stored"
              + " for the support team and `response` is null.")
  ProcessResponse process(Tenant caller, @Valid @RequestBody ProcessRequest request) {
    Outcome outcome =
        chat.process(
            caller,
            Ids.parse(Objects.requireNonNull(request.sessionId()), "Session"),
            Objects.requireNonNull(request.message()),
            request.context() == null ? Map.of() : request.context());
    Answer answer = outcome.answer();
    return new ProcessResponse(
        outcome.reply() == null ? null : outcome.reply().content(),
        answer == null ? 0 : answer.confidence(),
        answer == null ? List.of() : answer.citations(),
        RedactionBody.of(outcome.redacted()),
        outcome.escalationNeeded(),
        outcome.escalationReason(),
        outcome.classification().intent(),
        Map.of(
            "topic", outcome.classification().topic(),
            "urgency", outcome.classification().urgency()),
        outcome.classification().sentiment().id(),
        outcome.session().id(),
        outcome.session().status().id(),
        outcome.question().id(),
        outcome.reply() == null ? null : outcome.reply().id(),
        outcome.ticket() == null ? null : outcome.ticket().id());
  }
}
