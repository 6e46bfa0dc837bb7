package io.dealflow.insights.chat.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dealflow.insights.chat.PipelineChat;
import io.dealflow.insights.chat.PipelineChat.Reply;
import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.FieldViolation;
import io.dealflow.platform.security.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** VectorOS AI core chat: questions about the workspace's pipeline, answered from its figures. */
@RestController
@Tag(name = "Chat (VectorOS)")
@SecurityRequirement(name = "bearer")
class ChatController {

  static final int MAX_MESSAGE = 2_000;

  private final PipelineChat chat;

  ChatController(PipelineChat chat) {
    this.chat = chat;
  }

  @PostMapping("/api/v1/chat")
  @Operation(
      summary = "Ask about the workspace's pipeline",
      description =
          "{message, context: {workspace_id, user_id}} → {response, confidence}. Win rate,"
              + " conversion, pipeline value, forecast and stalled deals are answered with the"
              + " workspace's figures; anything else with what the assistant can tell.")
  Reply chat(Tenant caller, @RequestBody ChatRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    String message = request.message() == null ? "" : request.message().strip();
    if (message.isEmpty()) {
      violations.add(new FieldViolation("message", "blank", "message is required"));
    } else if (message.length() > MAX_MESSAGE) {
      violations.add(
          new FieldViolation(
              "message", "too_long", "message is at most " + MAX_MESSAGE + " characters"));
    }
    UUID workspaceId = request.context() == null ? null : request.context().workspaceId();
    if (workspaceId == null) {
      violations.add(
          new FieldViolation(
              "context.workspace_id", "blank", "context.workspace_id names the workspace"));
    }
    if (!violations.isEmpty()) {
      throw new ApiException(ApiError.validation(violations));
    }
    if (!caller.belongsTo(workspaceId)) {
      throw ApiException.notFound("Workspace");
    }
    return chat.answer(workspaceId, message);
  }

  /** The request, snake_case as the seed shows it (camelCase accepted too). */
  record ChatRequest(@Nullable String message, @Nullable Context context) {}

  /**
   * Whose pipeline the question is about.
   *
   * @param workspaceId the workspace; the caller must belong to it
   * @param userId the user asking (informational)
   */
  record Context(
      @JsonProperty("workspace_id") @JsonAlias("workspaceId") @Nullable UUID workspaceId,
      @JsonProperty("user_id") @JsonAlias("userId") @Nullable UUID userId) {}
}
