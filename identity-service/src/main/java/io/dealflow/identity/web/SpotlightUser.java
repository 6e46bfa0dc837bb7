package io.dealflow.identity.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dealflow.identity.organization.Affiliation;
import io.dealflow.platform.security.Role;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The Spotlight (JSON:API) user resource: {@code {"id", "type": "user", "attributes": {...}}}.
 *
 * @param id the user id
 * @param type always {@code user}
 * @param attributes the user's attributes
 */
public record SpotlightUser(String id, String type, Attributes attributes) {

  /**
   * @param name the name shown for the user
   * @param email the email
   * @param company the company
   * @param role the role in the organization the user acts for
   * @param createdAt when the user was created
   */
  public record Attributes(
      String name,
      String email,
      @Nullable String company,
      @Nullable String role,
      @JsonProperty("created_at") Instant createdAt) {}

  public static SpotlightUser of(Affiliation affiliation) {
    var user = affiliation.user();
    Role role = affiliation.role();
    return new SpotlightUser(
        user.id().toString(),
        "user",
        new Attributes(
            user.displayName(),
            user.email(),
            user.company(),
            role == null ? null : role.id(),
            user.createdAt()));
  }
}
