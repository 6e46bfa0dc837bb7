package io.dealflow.identity.keycloak;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import io.dealflow.identity.keycloak.KeycloakHttp.OAuthError;
import io.dealflow.identity.keycloak.KeycloakHttp.TokenResponse;
import io.dealflow.identity.keycloak.SignInRefusedException.Reason;
import io.dealflow.platform.security.DealflowClaims;
import java.text.ParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Keycloak's token endpoint as the suite's sign-in: the password grant for credentials, the refresh
 * grant, the standard token exchange that renews an access token alone, and the logout endpoint
 * that ends a refresh token's session.
 */
@Component
public class KeycloakTokens {

  private static final Logger log = LoggerFactory.getLogger(KeycloakTokens.class);

  private final KeycloakHttp http;

  KeycloakTokens(KeycloakHttp http) {
    this.http = http;
  }

  /** Signs a user in with email and password. */
  public TokenSet signIn(String email, String password) {
    MultiValueMap<String, String> form = http.clientForm();
    form.add("grant_type", "password");
    form.add("username", email);
    form.add("password", password);
    form.add("scope", "openid");
    return grant("password grant", form, null);
  }

  /** Exchanges a refresh token for new tokens; the old refresh token's session must be alive. */
  public TokenSet refresh(String refreshToken) {
    MultiValueMap<String, String> form = http.clientForm();
    form.add("grant_type", "refresh_token");
    form.add("refresh_token", refreshToken);
    return grant("refresh grant", form, Reason.INVALID_REFRESH_TOKEN);
  }

  /**
   * New tokens of the same user and session for an access token alone, through Keycloak's standard
   * token exchange (RFC 8693) by this client. Keycloak checks the token's signature, expiry and
   * that its session is still alive, so a logged-out token is refused. The realm lets {@code
   * dealflow-identity} exchange tokens issued to itself ({@code standard.token.exchange.enabled})
   * and ask for a refresh token of the same session ({@code
   * standard.token.exchange.enableRefreshRequestedTokenType: SAME_SESSION}), so the answer has the
   * shape of a refresh grant's.
   */
  public TokenSet exchange(String accessToken) {
    MultiValueMap<String, String> form = http.clientForm();
    form.add("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
    form.add("subject_token", accessToken);
    form.add("subject_token_type", "urn:ietf:params:oauth:token-type:access_token");
    form.add("requested_token_type", "urn:ietf:params:oauth:token-type:refresh_token");
    return grant("token exchange", form, Reason.INVALID_ACCESS_TOKEN);
  }

  /**
   * Whether the password is the user's current one. It signs in to find out, then ends that session
   * at once so that checking a password leaves nothing behind.
   */
  public boolean isCurrentPassword(String email, String password) {
    TokenSet tokens;
    try {
      tokens = signIn(email, password);
    } catch (SignInRefusedException refused) {
      return refused.reason() == Reason.ACCOUNT_SETUP_REQUIRED;
    }
    endSession(tokens.refreshToken());
    return true;
  }

  /**
   * Ends the session a refresh token belongs to, so that neither it nor any token refreshed from it
   * works again. A token whose session is already gone is not an error: the outcome is the same.
   */
  public void endSession(String refreshToken) {
    MultiValueMap<String, String> form = http.clientForm();
    form.add("refresh_token", refreshToken);
    try {
      http.run(
          "logout",
          () ->
              http.client()
                  .post()
                  .uri(http.logoutPath())
                  .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                  .body(form)
                  .retrieve()
                  .toBodilessEntity());
    } catch (HttpClientErrorException e) {
      OAuthError error = http.oauthError(e);
      log.debug("Keycloak logout refused ({}): session already ended", error.error());
    }
  }

  /** The subject a refresh token was issued to, read without verification (Keycloak checks it). */
  public static Optional<UUID> subjectOf(String token) {
    try {
      return Optional.ofNullable(uuid(JWTParser.parse(token).getJWTClaimsSet().getSubject()));
    } catch (ParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Runs a grant; {@code tokenRefusal} is the reason for any refusal of a grant that presents a
   * token, null for the password grant, whose refusals are told apart by {@link #reason}.
   */
  private TokenSet grant(
      String what, MultiValueMap<String, String> form, @Nullable Reason tokenRefusal) {
    TokenResponse response;
    try {
      response =
          http.call(
              what,
              () ->
                  http.client()
                      .post()
                      .uri(http.tokenPath())
                      .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                      .body(form)
                      .retrieve()
                      .body(TokenResponse.class));
    } catch (HttpClientErrorException e) {
      OAuthError error = http.oauthError(e);
      String description = error.description() != null ? error.description() : "";
      throw new SignInRefusedException(
          tokenRefusal != null ? tokenRefusal : reason(description), description);
    }
    if (response == null || response.accessToken() == null || response.refreshToken() == null) {
      throw KeycloakHttp.providerError("Keycloak issued no tokens");
    }
    return tokenSet(response);
  }

  /**
   * Keycloak says "Account is not fully set up" only after checking the password, so telling the
   * caller leaks nothing; "Account disabled" comes before the password check and must look like any
   * other failure.
   */
  private static Reason reason(String description) {
    if (description.toLowerCase(Locale.ROOT).contains("not fully set up")) {
      return Reason.ACCOUNT_SETUP_REQUIRED;
    }
    return Reason.INVALID_CREDENTIALS;
  }

  /**
   * Reads the access token without verifying it: it comes straight from Keycloak's token endpoint
   * over this service's own authenticated request, and every service verifies it when it is used.
   */
  private static TokenSet tokenSet(TokenResponse response) {
    String access = response.accessToken();
    String refresh = response.refreshToken();
    if (access == null || refresh == null) {
      throw KeycloakHttp.providerError("Keycloak issued no tokens");
    }
    try {
      JWTClaimsSet claims = JWTParser.parse(access).getJWTClaimsSet();
      UUID subject = uuid(claims.getSubject());
      if (subject == null) {
        throw KeycloakHttp.providerError("Keycloak issued a token without a subject");
      }
      return new TokenSet(
          access,
          refresh,
          response.expiresIn(),
          response.refreshExpiresIn(),
          subject,
          new TokenSet.Claims(
              claims.getStringClaim(DealflowClaims.EMAIL),
              claims.getStringClaim("given_name"),
              claims.getStringClaim("family_name"),
              uuid(claims.getStringClaim(DealflowClaims.ORG_ID))));
    } catch (ParseException e) {
      throw KeycloakHttp.providerError("Keycloak issued an unreadable token");
    }
  }

  private static @Nullable UUID uuid(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
