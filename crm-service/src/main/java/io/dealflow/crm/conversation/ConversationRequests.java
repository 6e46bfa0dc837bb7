package io.dealflow.crm.conversation;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The bodies of the conversation and transcript endpoints. In a PATCH, an attribute that is absent
 * or null keeps its value; {@code metadata} is merged key by key, and a key set to null is removed.
 */
final class ConversationRequests {

  static final String NOT_BLANK = "(?s).*\\S.*";

  private ConversationRequests() {}

  /** {@code {"conversation": {...}}}. */
  record ConversationBody(
      @NotNull(message = "can't be blank") @Valid ConversationChange conversation) {}

  /**
   * @param leadId the lead it is with, a lead of the caller's organization
   * @param assistantId the assistant holding it, of the caller's organization
   * @param source how it happens ({@code phone_call}, ...)
   * @param status in_progress (the default), completed or failed
   * @param duration its length in seconds
   * @param score 0–10; computed from the transcripts on completion when absent
   * @param sentiment positive, neutral or negative; computed on completion when absent
   * @param metadata the client's facts about it
   * @param startedAt when it started (default: when it is created)
   * @param endedAt when it ended (default: when it is completed)
   */
  record ConversationChange(
      @JsonProperty("lead_id") @Nullable String leadId,
      @JsonProperty("assistant_id") @Nullable String assistantId,
      @Size(max = 100, message = "is too long (maximum is 100 characters)") @Nullable String source,
      @Nullable String status,
      @Min(value = 0, message = "must be 0 or more") @Nullable Integer duration,
      @DecimalMin(value = "0", message = "must be between 0 and 10")
          @DecimalMax(value = "10", message = "must be between 0 and 10")
          @Nullable Double score,
      @Nullable String sentiment,
      @Nullable Map<String, @Nullable Object> metadata,
      @JsonProperty("started_at") @Nullable Instant startedAt,
      @JsonProperty("ended_at") @Nullable Instant endedAt) {}

  /** {@code {"transcript": {...}}}. */
  record TranscriptBody(@NotNull(message = "can't be blank") @Valid TranscriptChange transcript) {}

  /**
   * @param content what was said
   * @param speaker who said it ({@code assistant}, {@code human}, ...)
   * @param timestamp seconds from the conversation's start (default 0)
   * @param sentiment positive, neutral or negative; computed from the content when absent
   * @param confidence the transcription's confidence, 0–1
   * @param metadata the client's facts; {@code keywords} are extracted from the content when absent
   */
  record TranscriptChange(
      @NotNull(message = "can't be blank")
          @Pattern(regexp = NOT_BLANK, message = "can't be blank")
          @Size(max = 20000, message = "is too long (maximum is 20000 characters)")
          @Nullable String content,
      @NotNull(message = "can't be blank")
          @Pattern(regexp = NOT_BLANK, message = "can't be blank")
          @Size(max = 50, message = "is too long (maximum is 50 characters)")
          @Nullable String speaker,
      @DecimalMin(value = "0", message = "must be 0 or more") @Nullable Double timestamp,
      @Nullable String sentiment,
      @DecimalMin(value = "0", message = "must be between 0 and 1")
          @DecimalMax(value = "1", message = "must be between 0 and 1")
          @Nullable Double confidence,
      @Nullable Map<String, @Nullable Object> metadata) {}
}
