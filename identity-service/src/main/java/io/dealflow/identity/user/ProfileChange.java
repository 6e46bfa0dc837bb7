package io.dealflow.identity.user;

import org.jspecify.annotations.Nullable;

/**
 * A change of profile fields; a null field stays as it is.
 *
 * @param firstName the new first name
 * @param lastName the new last name
 * @param preferredName the new name to be shown
 * @param company the new company
 */
public record ProfileChange(
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String preferredName,
    @Nullable String company) {

  public static ProfileChange names(@Nullable String firstName, @Nullable String lastName) {
    return new ProfileChange(firstName, lastName, null, null);
  }

  public boolean isEmpty() {
    return firstName == null && lastName == null && preferredName == null && company == null;
  }
}
