package io.dealflow.support.conversation.web;

import io.dealflow.platform.security.Tenant;
import io.dealflow.support.conversation.Conversations;
import io.dealflow.support.conversation.Conversations.Page;
import io.dealflow.support.conversation.Conversations.Posted;
import io.dealflow.support.conversation.Message;
import io.dealflow.support.conversation.MessageFeedback;
import io.dealflow.support.conversation.MessageType;
import io.dealflow.support.conversation.web.ConversationRequests.Feedback;
import io.dealflow.support.conversation.web.ConversationRequests.SendMessage;
import io.dealflow.support.conversation.web.ConversationResponses.FeedbackBody;
import io.dealflow.support.conversation.web.ConversationResponses.MessageBody;
import io.dealflow.support.conversation.web.ConversationResponses.SentBody;
import io.dealflow.support.web.Ids;
import io.dealflow.support.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** HeliosCS messages: posted without an answer, listed, and answers rated. */
@RestController
@RequestMapping("/api/v1/support/messages")
@Tag(name = "Messages (HeliosCS)")
@SecurityRequirement(name = "bearer")
class MessageController {

  private final Conversations conversations;

  MessageController(Conversations conversations) {
    this.conversations = conversations;
  }

  @PostMapping("/send")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Post a message to a session (no answer: that is `chat/process`)",
      description =
          "`message_type` user (default; the session's customer), agent or system (staff). The"
              + " content is masked before it is stored; `redactions` lists what was masked.")
  SentBody send(Tenant caller, @Valid @RequestBody SendMessage request) {
    Posted posted =
        conversations.post(
            caller,
            Ids.parse(Objects.requireNonNull(request.sessionId()), "Session"),
            Objects.requireNonNull(request.content()),
            request.messageType() == null
                ? MessageType.USER
                : MessageType.of(request.messageType()),
            request.metadata() == null ? Map.of() : request.metadata());
    return SentBody.of(posted.message(), posted.redacted());
  }

  @GetMapping("/{sessionId}")
  @Operation(
      summary = "A session's messages, oldest first",
      description = "`page`, `size`; 404 `NOT_FOUND` for a session the caller cannot see.")
  ResponseEntity<List<MessageBody>> list(
      Tenant caller,
      @PathVariable String sessionId,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    Paging paging = Paging.of(page, size);
    Page<Message> found =
        conversations.messages(
            caller, Ids.parse(sessionId, "Session"), paging.offset(), paging.size());
    return paging.respond(found.items().stream().map(MessageBody::of).toList(), found.total());
  }

  @PostMapping("/{messageId}/feedback")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Rate one of the assistant's answers",
      description = "`rating` 1-5, `feedback`, `category`; a new rating replaces the earlier one.")
  FeedbackBody feedback(
      Tenant caller, @PathVariable String messageId, @Valid @RequestBody Feedback request) {
    MessageFeedback rated =
        conversations.rate(
            caller,
            Ids.parse(messageId, "Message"),
            Objects.requireNonNull(request.rating()),
            request.feedback(),
            request.category());
    return new FeedbackBody(
        rated.messageId(), rated.rating(), rated.feedback(), rated.category(), rated.createdAt());
  }
}
