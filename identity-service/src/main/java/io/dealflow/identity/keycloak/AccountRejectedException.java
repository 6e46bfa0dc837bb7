package io.dealflow.identity.keycloak;

/**
 * Keycloak refused a user's data, typically a password that breaks the realm's policy or a name
 * with characters its user profile forbids.
 */
public class AccountRejectedException extends RuntimeException {

  /** Which part of the account Keycloak objected to. */
  public enum Part {
    PASSWORD,
    FIRST_NAME,
    LAST_NAME,
    EMAIL,
    OTHER
  }

  private final Part part;

  AccountRejectedException(Part part, String message) {
    super(message);
    this.part = part;
  }

  public Part part() {
    return part;
  }
}
