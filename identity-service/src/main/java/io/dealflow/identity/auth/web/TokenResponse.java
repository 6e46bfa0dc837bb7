package io.dealflow.identity.auth.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dealflow.identity.auth.SignedIn;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The Trainer/HeliosCS token answer of register, login and refresh.
 *
 * @param accessToken Keycloak's access token
 * @param refreshToken Keycloak's refresh token
 * @param tokenType always {@code bearer}
 * @param expiresIn the access token's lifetime in seconds
 * @param user the signed-in user
 */
@Schema(name = "TokenResponse")
record TokenResponse(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("refresh_token") String refreshToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") long expiresIn,
    MeResponse user) {

  static TokenResponse of(SignedIn signedIn) {
    return new TokenResponse(
        signedIn.tokens().accessToken(),
        signedIn.tokens().refreshToken(),
        "bearer",
        signedIn.tokens().expiresIn(),
        MeResponse.of(signedIn.affiliation()));
  }
}
