package io.dealflow.identity.profile;

import io.dealflow.identity.user.ProfileChange;
import io.dealflow.identity.user.User;
import io.dealflow.identity.user.UserDirectory;
import io.dealflow.identity.web.Callers;
import io.dealflow.platform.security.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
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

  static final String LEARNING_NOTE =
      "`skills` and `progress` belong to training-service's learning analytics, which does not"
          + " feed this profile yet: they are always empty here (no numbers are made up).";

  private final Callers callers;
  private final UserDirectory users;

  ProfileController(Callers callers, UserDirectory users) {
    this.callers = callers;
    this.users = users;
  }

  @GetMapping
  @Operation(summary = "The current user's profile", description = LEARNING_NOTE)
  ProfileResponse profile(Tenant caller) {
    return ProfileResponse.of(callers.user(caller));
  }

  @PatchMapping
  @Operation(summary = "Change the display name", description = LEARNING_NOTE)
  ProfileResponse update(Tenant caller, @Valid @RequestBody PatchProfile request) {
    User user = callers.user(caller);
    return ProfileResponse.of(
        users.update(
            user.id(), new ProfileChange(null, null, request.displayName().strip(), null)));
  }

  @Schema(name = "PatchProfileRequest")
  record PatchProfile(@NotBlank @Size(max = 200) String displayName) {}

  @Schema(name = "Profile")
  record ProfileResponse(
      String id,
      String email,
      String displayName,
      @Schema(description = "Always empty until training-service provides skills")
          List<Object> skills,
      @Schema(description = "Always empty until training-service provides progress")
          Map<String, Object> progress) {

    static ProfileResponse of(User user) {
      return new ProfileResponse(
          user.id().toString(), user.email(), user.displayName(), List.of(), Map.of());
    }
  }
}
