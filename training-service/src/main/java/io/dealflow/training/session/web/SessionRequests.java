package io.dealflow.training.session.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The request bodies of the session routes. */
final class SessionRequests {

  static final String DIFFICULTY = "beginner|intermediate|advanced";

  private SessionRequests() {}

  @Schema(name = "SessionCreate")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Create(
      @Schema(description = "A scenario id (UUID) of the library or of the organization") @NotBlank
          String scenarioId,
      @Schema(description = "Default practice")
          @Pattern(regexp = "[a-z_]{1,30}", message = "must be 1-30 lowercase letters or _")
          @Nullable String sessionType,
      @Valid @Nullable Configuration configuration,
      @Schema(description = "The playbook practice session this session counts for")
          @Nullable UUID practiceSessionId,
      @Schema(description = "The playbook rep assignment this session counts for")
          @Nullable UUID repAssignmentId) {}

  @Schema(name = "SessionConfiguration")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Configuration(
      @Schema(description = "Default true") @Nullable Boolean coachingEnabled,
      @Schema(description = "Default: the scenario's difficulty")
          @Pattern(regexp = DIFFICULTY, message = "must be one of " + DIFFICULTY)
          @Nullable String difficultyLevel,
      @Schema(description = "Seconds of call time, 60-7200, default 1800") @Min(60) @Max(7200)
          @Nullable Integer maxDuration,
      @Schema(description = "One of the voices of POST /api/v1/voice/synthesize") @Size(max = 50)
          @Nullable String voiceId) {}

  @Schema(name = "SessionFeedback")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Feedback(
      @NotNull @Min(1) @Max(5) Integer rating,
      @Size(max = 2000) @Nullable String feedback,
      @Min(1) @Max(5) @Nullable Integer difficultyRating,
      @Nullable Boolean technicalIssues) {

    @Override
    public String toString() {
      return "Feedback[rating=" + rating + "]";
    }
  }
}
