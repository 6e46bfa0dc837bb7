package io.dealflow.identity.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dealflow.identity.training.LearningProgress;
import io.dealflow.identity.training.TrainingAnswer;
import io.dealflow.identity.training.TrainingService;
import io.dealflow.identity.user.ProfileChange;
import io.dealflow.identity.user.User;
import io.dealflow.identity.user.UserDirectory;
import io.dealflow.identity.web.Callers;
import io.dealflow.platform.security.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** HelloSales's profile (camelCase; errors in the HelloSales format). */
@RestController
@RequestMapping("/api/v1/profile")
@Tag(name = "Profile (HelloSales)")
@SecurityRequirement(name = "bearer")
class ProfileController {

  /** The range of the profile's progress, as training-service names it. */
  static final String TIME_RANGE = "month";

  static final String LEARNING_NOTE =
      "`skills` and `progress` come from training-service's learning analytics (`GET"
          + " /api/v1/learning/progress?time_range=month`, asked with the caller's own token):"
          + " `skills` is one entry per practised skill, ordered by name; `progress` is this"
          + " month's practice with `available: true`. When training-service does not answer"
          + " within 3 s, fails or refuses the token, the profile still answers 200, with"
          + " `skills: []` and `progress: {\"available\": false, \"reason\": \"...\"}`: no"
          + " numbers are made up.";

  private final Callers callers;
  private final UserDirectory users;
  private final TrainingService training;

  ProfileController(Callers callers, UserDirectory users, TrainingService training) {
    this.callers = callers;
    this.users = users;
    this.training = training;
  }

  @GetMapping
  @Operation(summary = "The current user's profile", description = LEARNING_NOTE)
  ProfileResponse profile(
      Tenant caller, @Parameter(hidden = true) @AuthenticationPrincipal @Nullable Jwt credential) {
    User user = callers.user(caller);
    return ProfileResponse.of(user, learning(credential));
  }

  @PatchMapping
  @Operation(summary = "Change the display name", description = LEARNING_NOTE)
  ProfileResponse update(
      Tenant caller,
      @Parameter(hidden = true) @AuthenticationPrincipal @Nullable Jwt credential,
      @Valid @RequestBody PatchProfile request) {
    User user = callers.user(caller);
    User changed =
        users.update(user.id(), new ProfileChange(null, null, request.displayName().strip(), null));
    return ProfileResponse.of(changed, learning(credential));
  }

  /** Asked with the caller's own credential, relayed as a bearer. */
  private TrainingAnswer learning(@Nullable Jwt credential) {
    if (credential == null) {
      return new TrainingAnswer.Unavailable(TrainingAnswer.UNAVAILABLE);
    }
    return training.progress(credential.getTokenValue(), TIME_RANGE);
  }

  @Schema(name = "PatchProfileRequest")
  record PatchProfile(@NotBlank @Size(max = 200) String displayName) {}

  @Schema(name = "Profile")
  record ProfileResponse(
      String id,
      String email,
      String displayName,
      @Schema(
              description =
                  "From training-service: one entry per skill, ordered by `skill`; empty when"
                      + " progress is unavailable")
          List<LearningProgress.Skill> skills,
      @Schema(
              description =
                  "From training-service: this month's practice (`available: true`), or"
                      + " `{\"available\": false, \"reason\"}` when it cannot be had right now")
          Progress progress) {

    static ProfileResponse of(User user, TrainingAnswer learning) {
      return switch (learning) {
        case TrainingAnswer.Known(LearningProgress known) ->
            new ProfileResponse(
                user.id().toString(),
                user.email(),
                user.displayName(),
                known.skills(),
                Progress.of(known));
        case TrainingAnswer.Unavailable(String reason) ->
            new ProfileResponse(
                user.id().toString(),
                user.email(),
                user.displayName(),
                List.of(),
                Progress.unavailable(reason));
      };
    }
  }

  @Schema(name = "ProfileProgress")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Progress(
      @Schema(description = "false when training-service could not be asked or did not answer")
          boolean available,
      @Schema(description = "Why progress is unavailable (only then)") @Nullable String reason,
      @Schema(description = "The range of the numbers: `month`") @Nullable String timeRange,
      @Nullable Number totalSessions,
      @Nullable Number hoursPracticed,
      @Nullable Number averageScore,
      @Nullable Number improvementTrend,
      @Nullable Number streakDays,
      @Nullable List<LearningProgress.Achievement> recentAchievements,
      @Schema(description = "Ids of the scenarios training-service suggests next")
          @Nullable List<String> recommendedScenarios) {

    static Progress of(LearningProgress progress) {
      return new Progress(
          true,
          null,
          progress.timeRange(),
          progress.totalSessions(),
          progress.hoursPracticed(),
          progress.averageScore(),
          progress.improvementTrend(),
          progress.streakDays(),
          progress.recentAchievements(),
          progress.recommendedScenarios());
    }

    static Progress unavailable(String reason) {
      return new Progress(false, reason, null, null, null, null, null, null, null, null);
    }
  }
}
