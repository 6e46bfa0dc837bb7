package io.dealflow.identity.auth.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dealflow.identity.auth.Authentication;
import io.dealflow.identity.auth.SignedIn;
import io.dealflow.identity.web.SpotlightUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spotlight's sign-in. Spotlight used Devise sessions; here it answers with the same bearer tokens
 * as every other sign-in, in the JSON:API {@code meta}.
 */
@RestController
@Tag(name = "Spotlight user")
class SignInController {

  private final Authentication authentication;

  SignInController(Authentication authentication) {
    this.authentication = authentication;
  }

  @PostMapping("/users/sign_in")
  @Operation(
      summary = "Sign in (Spotlight)",
      description =
          "Body `{\"user\": {\"email\", \"password\"}}`. Answers the user resource with the tokens"
              + " in `meta`; 401 \"Invalid email or password\" in the JSON:API error format.")
  SignInDocument signIn(@Valid @RequestBody Requests.SignIn request) {
    SignedIn signedIn =
        authentication.signIn(
            Requests.normalizeEmail(request.user().email()), request.user().password());
    return new SignInDocument(
        SpotlightUser.of(signedIn.affiliation()),
        new TokenMeta(
            signedIn.tokens().accessToken(),
            signedIn.tokens().refreshToken(),
            "bearer",
            signedIn.tokens().expiresIn()));
  }

  @Schema(name = "SpotlightSignInDocument")
  record SignInDocument(SpotlightUser data, TokenMeta meta) {}

  @Schema(name = "SpotlightTokenMeta")
  record TokenMeta(
      @JsonProperty("access_token") String accessToken,
      @JsonProperty("refresh_token") String refreshToken,
      @JsonProperty("token_type") String tokenType,
      @JsonProperty("expires_in") long expiresIn) {}
}
