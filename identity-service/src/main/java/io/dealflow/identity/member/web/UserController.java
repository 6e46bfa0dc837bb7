package io.dealflow.identity.member.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dealflow.identity.member.Members;
import io.dealflow.identity.organization.Member;
import io.dealflow.identity.user.User;
import io.dealflow.identity.user.UserId;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Role;
import io.dealflow.platform.security.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** VectorOS users (camelCase; errors in the VectorOS format). */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users (VectorOS)")
@SecurityRequirement(name = "bearer")
class UserController {

  private static final String ROLES = "admin|manager|rep|agent";
  private static final String ROLES_MESSAGE = "must be one of admin, manager, rep, agent";
  private static final String NOT_BLANK_IF_PRESENT = "(?s).*\\S.*";

  private final Members members;

  UserController(Members members) {
    this.members = members;
  }

  @PostMapping
  @Operation(
      summary = "Add a user to the caller's workspace",
      description =
          "Admins of the workspace only (403 otherwise). Without `password` a temporary one is"
              + " generated and returned once as `temporaryPassword`; the user must replace it at"
              + " the first interactive sign-in (password sign-in through the API answers 401"
              + " AUTH_ACCOUNT_SETUP_REQUIRED until then). 409 EMAIL_ALREADY_REGISTERED when the"
              + " email is taken.")
  ResponseEntity<UserResponse> create(Tenant caller, @Valid @RequestBody CreateUser request) {
    Members.Added added =
        members.add(
            caller,
            new Members.NewMember(
                request.email().strip().toLowerCase(Locale.ROOT),
                request.firstName().strip(),
                request.lastName().strip(),
                role(request.role()),
                request.password(),
                request.workspaceId()));
    UserResponse body = UserResponse.of(added.member(), added.temporaryPassword());
    return ResponseEntity.created(URI.create("/api/v1/users/" + body.id())).body(body);
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "A user the caller shares a workspace with",
      description = "404 for users of other workspaces.")
  UserResponse get(Tenant caller, @PathVariable UUID id) {
    return UserResponse.of(members.view(caller, UserId.of(id)), null);
  }

  @PatchMapping("/{id}")
  @Operation(
      summary = "Change a user's names or role",
      description =
          "Names: the user itself or an admin of the caller's workspace. Role: such an admin only;"
              + " the workspace's last admin cannot give the role up (409 LAST_ADMIN).")
  UserResponse update(
      Tenant caller, @PathVariable UUID id, @Valid @RequestBody UpdateUser request) {
    if (request.firstName() == null && request.lastName() == null && request.role() == null) {
      throw ApiException.invalid(
          "firstName", "required", "Provide at least one of firstName, lastName, role");
    }
    Member member =
        members.update(
            caller,
            UserId.of(id),
            strip(request.firstName()),
            strip(request.lastName()),
            request.role() == null ? null : role(request.role()));
    return UserResponse.of(member, null);
  }

  private static Role role(String id) {
    return Role.fromId(id)
        .orElseThrow(() -> ApiException.invalid("role", "invalid", "Role is invalid"));
  }

  private static @Nullable String strip(@Nullable String value) {
    return value == null ? null : value.strip();
  }

  @Schema(name = "CreateUserRequest")
  record CreateUser(
      @NotBlank @Email @Size(max = 254) String email,
      @NotBlank @Size(max = 100) String firstName,
      @NotBlank @Size(max = 100) String lastName,
      @NotBlank @Pattern(regexp = ROLES, message = ROLES_MESSAGE) String role,
      @Schema(description = "Generated (temporary) when absent")
          @Size(min = 8, max = 128, message = "must be between 8 and 128 characters")
          @Nullable String password,
      @Schema(description = "The workspace to add the user to; the caller's current one if absent")
          @Nullable UUID workspaceId) {

    @Override
    public String toString() {
      return "CreateUser[role=" + role + "]";
    }
  }

  @Schema(name = "UpdateUserRequest")
  record UpdateUser(
      @Size(max = 100) @Pattern(regexp = NOT_BLANK_IF_PRESENT, message = "must not be blank")
          @Nullable String firstName,
      @Size(max = 100) @Pattern(regexp = NOT_BLANK_IF_PRESENT, message = "must not be blank")
          @Nullable String lastName,
      @Pattern(regexp = ROLES, message = ROLES_MESSAGE) @Nullable String role) {}

  @Schema(name = "User")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record UserResponse(
      String id,
      String email,
      String firstName,
      String lastName,
      String displayName,
      @Schema(description = "Role in `workspaceId`") String role,
      @Schema(description = "The workspace the role is in: the caller's current one if shared")
          String workspaceId,
      boolean isActive,
      Instant createdAt,
      Instant updatedAt,
      @Schema(description = "Only in the creation answer, only when the password was generated")
          @Nullable String temporaryPassword) {

    static UserResponse of(Member member, @Nullable String temporaryPassword) {
      User user = member.user();
      return new UserResponse(
          user.id().toString(),
          user.email(),
          user.firstName(),
          user.lastName(),
          user.displayName(),
          member.role().id(),
          member.orgId().toString(),
          user.active(),
          user.createdAt(),
          user.updatedAt(),
          temporaryPassword);
    }
  }
}
