package io.dealflow.identity.user;

import java.util.UUID;

/** A user's id: the Keycloak subject of the user's tokens. */
public record UserId(UUID value) {

  public static UserId of(UUID value) {
    return new UserId(value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
