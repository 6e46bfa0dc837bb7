package io.dealflow.identity.keycloak;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The tokens Keycloak issued for one sign-in or refresh, with the facts identity-service reads from
 * the access token.
 *
 * @param accessToken the bearer token for the suite's APIs
 * @param refreshToken the token that renews it
 * @param expiresIn the access token's lifetime in seconds
 * @param refreshExpiresIn the refresh token's lifetime in seconds
 * @param subject the Keycloak user id the tokens were issued to
 * @param claims what the access token says about the user
 */
public record TokenSet(
    String accessToken,
    String refreshToken,
    long expiresIn,
    long refreshExpiresIn,
    UUID subject,
    Claims claims) {

  /**
   * The user facts an access token carries.
   *
   * @param email the email claim
   * @param givenName the first name
   * @param familyName the last name
   * @param orgId the organization the user acts for
   */
  public record Claims(
      @Nullable String email,
      @Nullable String givenName,
      @Nullable String familyName,
      @Nullable UUID orgId) {}
}
