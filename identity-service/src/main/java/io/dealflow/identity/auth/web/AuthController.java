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
import io.dealflow.platform.error.ErrorKind;
import io.dealflow.platform.security.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Trainer/HeliosCS authentication (snake_case; errors in the Trainer format). */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication (Trainer, HeliosCS, HelloSales /me)")
class AuthController {

  private static final Pattern BEARER = Pattern.compile("(?i)bearer +(\\S{1,8192})\\s*");

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
      summary = "New tokens for a refresh token, or for the access token alone",
      description =
          "With `{\"refresh_token\"}` (HeliosCS) Keycloak's refresh grant renews it; 401"
              + " AUTH_INVALID_REFRESH_TOKEN when it is invalid, expired or logged out. Without a"
              + " body (Trainer), the unexpired access token in `Authorization: Bearer` is exchanged"
              + " for new tokens of the same user and session; 401 AUTH_TOKEN_EXPIRED when it has"
              + " expired, 401 AUTH_INVALID_TOKEN when it is forged or its session has ended"
              + " (logout). 422 when there is neither.")
  TokenResponse refresh(
      @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
          @Nullable String authorization,
      @Valid @RequestBody(required = false) Requests.@Nullable Refresh request) {
    if (request != null && request.refreshToken() != null) {
      return TokenResponse.of(authentication.refresh(request.refreshToken()));
    }
    if (authorization == null) {
      throw ApiException.invalid(
          "refresh_token",
          "required",
          "Provide refresh_token, or the access token as Authorization: Bearer");
    }
    Matcher bearer = BEARER.matcher(authorization);
    if (!bearer.matches()) {
      throw new ApiException(ErrorKind.UNAUTHENTICATED, "The access token is invalid");
    }
    return TokenResponse.of(authentication.refreshAccess(bearer.group(1)));
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
