package io.dealflow.identity.keycloak;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user as Keycloak stores it.
 *
 * @param id the Keycloak id, which is the subject of the user's tokens
 * @param email the email, also the username
 * @param firstName the first name
 * @param lastName the last name
 * @param enabled whether the user may sign in
 * @param attributes custom attributes such as {@code org_id}
 */
public record KeycloakAccount(
    UUID id,
    @Nullable String email,
    @Nullable String firstName,
    @Nullable String lastName,
    boolean enabled,
    Map<String, List<String>> attributes) {

  public KeycloakAccount {
    attributes = Map.copyOf(attributes);
  }

  public @Nullable String attribute(String name) {
    List<String> values = attributes.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }
}
