package io.dealflow.support.conversation.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Session and message request bodies (snake_case). */
final class ConversationRequests {

  static final String CHANNEL = "web|mobile|email|chat";
  static final String MESSAGE_TYPE = "user|agent|system|bot";

  private ConversationRequests() {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record CreateSession(
      @NotBlank @Size(max = 200) @Nullable String customerId,
      @Pattern(regexp = CHANNEL, message = "must be one of web, mobile, email, chat")
          @Nullable String channel,
      @Size(max = 50, message = "must have at most 50 entries")
          @Nullable Map<String, Object> metadata) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record SendMessage(
      @NotBlank @Nullable String sessionId,
      @NotBlank @Size(max = 4000) @Nullable String content,
      @Pattern(regexp = MESSAGE_TYPE, message = "must be one of user, agent, system")
          @Nullable String messageType,
      @Size(max = 50, message = "must have at most 50 entries")
          @Nullable Map<String, Object> metadata) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Feedback(
      @NotNull @Min(1) @Max(5) @Nullable Integer rating,
      @Size(max = 2000) @Nullable String feedback,
      @Size(max = 40) @Nullable String category) {}
}
