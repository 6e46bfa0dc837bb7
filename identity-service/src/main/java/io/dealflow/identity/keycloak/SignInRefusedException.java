package io.dealflow.identity.keycloak;

/**
 * Keycloak refused a grant: wrong credentials, an unusable account, or a dead refresh or access
 * token.
 */
public class SignInRefusedException extends RuntimeException {

  /** Why Keycloak refused, as far as it is safe to tell the caller. */
  public enum Reason {
    /** Unknown user, wrong password or disabled account: deliberately indistinguishable. */
    INVALID_CREDENTIALS,
    /** The password was right but the account has pending required actions. */
    ACCOUNT_SETUP_REQUIRED,
    /** The refresh token is malformed, expired or its session has ended. */
    INVALID_REFRESH_TOKEN,
    /**
     * The access token offered for a token exchange is not Keycloak's, or its session has ended.
     */
    INVALID_ACCESS_TOKEN
  }

  private final Reason reason;

  SignInRefusedException(Reason reason, String keycloakDescription) {
    super(reason + ": " + keycloakDescription);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
