package io.dealflow.identity.auth.web;

import io.dealflow.identity.auth.Authentication;
import io.dealflow.identity.auth.Registration;
import io.dealflow.identity.keycloak.AccountRejectedException;
import io.dealflow.identity.organization.Workspaces;
import io.dealflow.identity.user.ProfileChange;
import io.dealflow.identity.user.User;
import io.dealflow.identity.user.UserDirectory;
import io.dealflow.identity.user.UserId;
import io.dealflow.identity.web.Callers;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Trainer/HeliosCS authentication (snake_case; errors in the Trainer format). */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication (Trainer, HeliosCS, HelloSales /me)")
class AuthController {

  private final Authentication authentication;
  private final UserDirectory users;
  private final Workspaces workspaces;
  private final Callers callers;

  AuthController(
      Authentication authentication, UserDirectory users, Workspaces workspaces, Callers callers) {
    this.authentication = authentication;
    this.users = users;
    this.workspaces = workspaces;
    this.callers = callers;
  }

  @PostMapping("/register")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Register a user with an organization of its own",
      description =
          "Creates the Keycloak user and an organization named after `company` with the user as"
              + " its admin, then signs the user in. 409 EMAIL_ALREADY_REGISTERED when the email is"
              + " taken; 422 for invalid fields.")
  @ApiResponse(responseCode = "201", description = "Registered and signed in")
  TokenResponse register(@Valid @RequestBody Requests.Register request) {
    return TokenResponse.of(
        authentication.register(
            new Registration(
                Requests.normalizeEmail(request.email()),
                request.password(),
                request.firstName().strip(),
                request.lastName().strip(),
                request.company() == null ? null : request.company().strip())));
  }

  @PostMapping("/login")
  @Operation(
      summary = "Sign in with email and password",
      description = "401 AUTH_INVALID_CREDENTIALS for a wrong email or password.")
  TokenResponse login(@Valid @RequestBody Requests.Login request) {
    return TokenResponse.of(
        authentication.signIn(Requests.normalizeEmail(request.email()), request.password()));
  }

  @PostMapping("/refresh")
  @Operation(
      summary = "Exchange a refresh token for new tokens",
      description = "401 AUTH_INVALID_REFRESH_TOKEN when it is invalid, expired or logged out.")
  TokenResponse refresh(@Valid @RequestBody Requests.Refresh request) {
    return TokenResponse.of(authentication.refresh(request.refreshToken()));
  }

  @PostMapping("/logout")
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary = "End the session",
      description =
          "Ends the Keycloak session of the access token (and of `refresh_token` when given): their"
              + " refresh tokens are refused afterwards. Access tokens already issued stay valid"
              + " until they expire.")
  Requests.Message logout(
      Tenant caller,
      @AuthenticationPrincipal Jwt token,
      @Valid @RequestBody(required = false) Requests.@Nullable Logout request) {
    authentication.signOut(
        caller.userId(),
        token.getClaimAsString("sid"),
        request == null ? null : request.refreshToken());
    return new Requests.Message("Logged out successfully");
  }

  @GetMapping("/me")
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary = "The current user",
      description = "The union of the HelloSales, Trainer and HeliosCS user objects.")
  MeResponse me(Tenant caller) {
    return MeResponse.of(workspaces.affiliation(current(caller), caller.orgId()));
  }

  @PutMapping("/me")
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary = "Update the current user's names and company",
      description = "Names are changed in Keycloak too, so the next tokens carry them.")
  MeResponse updateMe(Tenant caller, @Valid @RequestBody Requests.UpdateMe request) {
    ProfileChange change =
        new ProfileChange(
            strip(request.firstName()), strip(request.lastName()), null, strip(request.company()));
    if (change.isEmpty()) {
      throw ApiException.invalid(
          "first_name", "required", "Provide at least one of first_name, last_name, company");
    }
    User user = users.update(current(caller).id(), change);
    return MeResponse.of(workspaces.affiliation(user, caller.orgId()));
  }

  @PostMapping("/change-password")
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary = "Change the current user's password",
      description =
          "400 AUTH_INVALID_CURRENT_PASSWORD when `current_password` is wrong; 422 when"
              + " `new_password` breaks the policy (at least 8 characters) or equals the current"
              + " one.")
  Requests.Message changePassword(
      Tenant caller, @Valid @RequestBody Requests.ChangePassword request) {
    if (request.newPassword().equals(request.currentPassword())) {
      throw ApiException.invalid(
          "new_password", "unchanged", "New password must differ from the current password");
    }
    try {
      authentication.changePassword(
          UserId.of(caller.userId()),
          caller.email(),
          request.currentPassword(),
          request.newPassword());
    } catch (AccountRejectedException rejected) {
      throw ApiException.invalid(
          "new_password", "rejected", "New password " + rejected.getMessage());
    }
    return new Requests.Message("Password changed successfully");
  }

  private User current(Tenant caller) {
    return callers.user(caller);
  }

  private static @Nullable String strip(@Nullable String value) {
    return value == null ? null : value.strip();
  }
}
