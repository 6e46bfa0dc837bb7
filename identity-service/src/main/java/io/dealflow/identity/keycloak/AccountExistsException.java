package io.dealflow.identity.keycloak;

/** Keycloak already has a user with this email (the realm forbids duplicates). */
public class AccountExistsException extends RuntimeException {

  public AccountExistsException() {
    super("A Keycloak user with this email already exists");
  }
}
