package io.dealflow.identity.user;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A person's profile. Keycloak holds the credentials and the same names; this is what the suite's
 * APIs show.
 *
 * @param id the Keycloak subject
 * @param email the email, also the Keycloak username
 * @param firstName the first name
 * @param lastName the last name
 * @param preferredName the name the user chose to be shown (HelloSales display name, Spotlight
 *     name); null until chosen
 * @param company the company the user says it works for
 * @param active whether the user may use the suite
 * @param createdAt when the user was created
 * @param updatedAt when the profile last changed
 * @param lastLoginAt when the user last signed in with a password
 * @param version the optimistic-lock version of the row
 */
public record User(
    UserId id,
    String email,
    String firstName,
    String lastName,
    @Nullable String preferredName,
    @Nullable String company,
    boolean active,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant lastLoginAt,
    long version) {

  /** The chosen name, else the full name, else the email. */
  public String displayName() {
    if (preferredName != null && !preferredName.isBlank()) {
      return preferredName;
    }
    String full = (firstName + " " + lastName).strip();
    return full.isEmpty() ? email : full;
  }

  User apply(ProfileChange change) {
    return new User(
        id,
        email,
        change.firstName() != null ? change.firstName() : firstName,
        change.lastName() != null ? change.lastName() : lastName,
        change.preferredName() != null ? change.preferredName() : preferredName,
        change.company() != null ? change.company() : company,
        active,
        createdAt,
        updatedAt,
        lastLoginAt,
        version);
  }

  boolean sameNamesAs(User other) {
    return firstName.equals(other.firstName) && lastName.equals(other.lastName);
  }
}
