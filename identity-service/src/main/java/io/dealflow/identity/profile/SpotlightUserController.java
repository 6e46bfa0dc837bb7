package io.dealflow.identity.profile;

import io.dealflow.identity.organization.Workspaces;
import io.dealflow.identity.user.ProfileChange;
import io.dealflow.identity.user.User;
import io.dealflow.identity.user.UserDirectory;
import io.dealflow.identity.web.Callers;
import io.dealflow.identity.web.SpotlightUser;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Spotlight's current user (JSON:API; errors in the Spotlight format). */
@RestController
@RequestMapping("/api/v1/user")
@Tag(name = "Spotlight user")
@SecurityRequirement(name = "bearer")
class SpotlightUserController {

  private static final String NOT_BLANK_IF_PRESENT = "(?s).*\\S.*";

  private final Callers callers;
  private final UserDirectory users;
  private final Workspaces workspaces;

  SpotlightUserController(Callers callers, UserDirectory users, Workspaces workspaces) {
    this.callers = callers;
    this.users = users;
    this.workspaces = workspaces;
  }

  @GetMapping
  @Operation(summary = "The current user (Spotlight)")
  UserDocument user(Tenant caller) {
    return document(callers.user(caller), caller);
  }

  @PatchMapping
  @Operation(
      summary = "Change the current user's name and company (Spotlight)",
      description = "`name` is the name shown for the user (HelloSales's display name).")
  UserDocument update(Tenant caller, @Valid @RequestBody UpdateUser request) {
    Attributes attributes = request.user();
    if (attributes.name() == null && attributes.company() == null) {
      throw ApiException.invalid("user.name", "blank", "Name or company is required");
    }
    User user = callers.user(caller);
    User updated =
        users.update(
            user.id(),
            new ProfileChange(null, null, strip(attributes.name()), strip(attributes.company())));
    return document(updated, caller);
  }

  private UserDocument document(User user, Tenant caller) {
    return new UserDocument(SpotlightUser.of(workspaces.affiliation(user, caller.orgId())));
  }

  private static @Nullable String strip(@Nullable String value) {
    return value == null ? null : value.strip();
  }

  @Schema(name = "SpotlightUserDocument")
  record UserDocument(SpotlightUser data) {}

  @Schema(name = "SpotlightUpdateUserRequest")
  record UpdateUser(@NotNull @Valid Attributes user) {}

  @Schema(name = "SpotlightUserChange")
  record Attributes(
      @Size(max = 200) @Pattern(regexp = NOT_BLANK_IF_PRESENT, message = "can't be blank")
          @Nullable String name,
      @Size(max = 200) @Pattern(regexp = NOT_BLANK_IF_PRESENT, message = "can't be blank")
          @Nullable String company) {}
}
