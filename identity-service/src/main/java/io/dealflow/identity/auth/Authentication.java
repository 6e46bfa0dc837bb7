package io.dealflow.identity.auth;

import io.dealflow.identity.events.IdentityEvents;
import io.dealflow.identity.events.UserRegistered;
import io.dealflow.identity.keycloak.KeycloakTokens;
import io.dealflow.identity.keycloak.KeycloakUsers;
import io.dealflow.identity.keycloak.NewAccount;
import io.dealflow.identity.keycloak.SignInRefusedException;
import io.dealflow.identity.keycloak.TokenSet;
import io.dealflow.identity.organization.Organization;
import io.dealflow.identity.organization.OrganizationId;
import io.dealflow.identity.organization.Workspaces;
import io.dealflow.identity.user.User;
import io.dealflow.identity.user.UserDirectory;
import io.dealflow.identity.user.UserId;
import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ErrorKind;
import io.dealflow.platform.events.Outbox;
import io.dealflow.platform.security.JwtRules;
import io.dealflow.platform.security.Role;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Service;

/**
 * The suite's sign-in, implemented against Keycloak: identity-service never sees a password hash,
 * it asks Keycloak (password grant) and hands Keycloak's tokens to the client.
 */
@Service
public class Authentication {

  private static final Logger log = LoggerFactory.getLogger(Authentication.class);

  private final KeycloakTokens tokens;
  private final KeycloakUsers keycloakUsers;
  private final UserDirectory users;
  private final Workspaces workspaces;
  private final Outbox outbox;
  private final JwtDecoder accessTokens;

  Authentication(
      KeycloakTokens tokens,
      KeycloakUsers keycloakUsers,
      UserDirectory users,
      Workspaces workspaces,
      Outbox outbox,
      JwtDecoder accessTokens) {
    this.tokens = tokens;
    this.keycloakUsers = keycloakUsers;
    this.users = users;
    this.workspaces = workspaces;
    this.outbox = outbox;
    this.accessTokens = accessTokens;
  }

  /**
   * Creates the user with an organization of its own (named after its company) as that
   * organization's admin, then signs it in.
   *
   * @throws io.dealflow.identity.keycloak.AccountExistsException when the email is registered
   */
  public SignedIn register(Registration registration) {
    OrganizationId org = OrganizationId.random();
    User user =
        users.createAccount(
            new NewAccount(
                registration.email(),
                registration.password(),
                false,
                registration.firstName(),
                registration.lastName(),
                Role.ADMIN,
                org.value(),
                Organization.DEFAULT_PLAN),
            registration.company(),
            created -> {
              workspaces.found(org, registration.organizationName(), created.id());
              outbox.append(
                  IdentityEvents.USER_REGISTERED,
                  created.id().value(),
                  org.value(),
                  new UserRegistered(
                      created.id().value(),
                      org.value(),
                      registration.email(),
                      registration.firstName(),
                      registration.lastName()));
            });
    log.info("User {} registered with organization {}", user.id(), org);
    return signIn(registration.email(), registration.password());
  }

  /** Signs in with email and password, and records the sign-in. */
  public SignedIn signIn(String email, String password) {
    TokenSet issued;
    try {
      issued = tokens.signIn(email, password);
    } catch (SignInRefusedException refused) {
      throw refusal(refused);
    }
    User user = known(issued, email);
    users.recordSignIn(user.id());
    return new SignedIn(
        issued, workspaces.affiliation(users.get(user.id()), issued.claims().orgId()));
  }

  /** New tokens for a refresh token whose session is still alive. */
  public SignedIn refresh(String refreshToken) {
    TokenSet issued;
    try {
      issued = tokens.refresh(refreshToken);
    } catch (SignInRefusedException refused) {
      throw refusal(refused);
    }
    User user = known(issued, Objects.requireNonNullElse(issued.claims().email(), ""));
    return new SignedIn(issued, workspaces.affiliation(user, issued.claims().orgId()));
  }

  /**
   * New tokens for an access token alone (the Trainer seed's refresh): the token must pass the
   * checks every request's token passes (signature, issuer, audience, expiry), then Keycloak
   * exchanges it for new tokens of the same user and session, refusing it when that session has
   * ended (logout). An expired token is named as such, so that a client knows to sign in again.
   */
  public SignedIn refreshAccess(String accessToken) {
    Jwt verified;
    try {
      verified = accessTokens.decode(accessToken);
    } catch (JwtException refused) {
      throw JwtRules.isExpiry(refused)
          ? new ApiException(ErrorKind.TOKEN_EXPIRED, "The access token has expired")
          : invalidAccessToken();
    }
    TokenSet issued;
    try {
      issued = tokens.exchange(accessToken);
    } catch (SignInRefusedException refused) {
      throw refusal(refused);
    }
    if (!issued.subject().toString().equals(verified.getSubject())) {
      throw new IllegalStateException("Keycloak exchanged a token for another user's");
    }
    User user = known(issued, Objects.requireNonNullElse(issued.claims().email(), ""));
    return new SignedIn(issued, workspaces.affiliation(user, issued.claims().orgId()));
  }

  /**
   * Ends the caller's session in Keycloak, so that its refresh tokens stop working: the session of
   * the given refresh token, and the session of the access token used for the call. Access tokens
   * already issued stay valid until they expire (at most 30 minutes); services do not look sessions
   * up on every request.
   */
  public void signOut(UUID caller, @Nullable String sessionId, @Nullable String refreshToken) {
    if (refreshToken != null) {
      Optional<UUID> owner = KeycloakTokens.subjectOf(refreshToken);
      if (owner.isPresent() && !owner.get().equals(caller)) {
        throw new ApiException(
            ApiError.of(ErrorKind.FORBIDDEN, "The refresh token belongs to another user")
                .withCode("AUTH_REFRESH_TOKEN_MISMATCH"));
      }
      tokens.endSession(refreshToken);
    }
    if (sessionId != null) {
      keycloakUsers.endSession(sessionId);
    }
  }

  /** Changes the caller's password after checking the current one with Keycloak. */
  public void changePassword(
      UserId caller, @Nullable String tokenEmail, String currentPassword, String newPassword) {
    String email =
        users.find(caller).map(User::email).orElse(Objects.requireNonNullElse(tokenEmail, ""));
    if (email.isEmpty() || !tokens.isCurrentPassword(email, currentPassword)) {
      throw new ApiException(
          ApiError.of(ErrorKind.BAD_REQUEST, "The current password is incorrect")
              .withCode("AUTH_INVALID_CURRENT_PASSWORD"));
    }
    keycloakUsers.resetPassword(caller.value(), newPassword, false);
    log.info("User {} changed its password", caller);
  }

  private User known(TokenSet issued, String fallbackEmail) {
    TokenSet.Claims claims = issued.claims();
    return users.ensure(
        UserId.of(issued.subject()),
        Objects.requireNonNullElse(claims.email(), fallbackEmail),
        Objects.requireNonNullElse(claims.givenName(), ""),
        Objects.requireNonNullElse(claims.familyName(), ""));
  }

  private static ApiException invalidAccessToken() {
    return new ApiException(
        ErrorKind.UNAUTHENTICATED, "The access token is invalid or its session has ended");
  }

  private static ApiException refusal(SignInRefusedException refused) {
    return switch (refused.reason()) {
      case INVALID_CREDENTIALS ->
          new ApiException(ErrorKind.INVALID_CREDENTIALS, "Invalid email or password");
      case ACCOUNT_SETUP_REQUIRED ->
          new ApiException(
              ApiError.of(
                      ErrorKind.INVALID_CREDENTIALS,
                      "The account must be set up first: sign in through the web app to choose a"
                          + " password")
                  .withCode("AUTH_ACCOUNT_SETUP_REQUIRED"));
      case INVALID_REFRESH_TOKEN ->
          new ApiException(
              ApiError.of(ErrorKind.UNAUTHENTICATED, "The refresh token is invalid or has expired")
                  .withCode("AUTH_INVALID_REFRESH_TOKEN"));
      case INVALID_ACCESS_TOKEN -> invalidAccessToken();
    };
  }
}
