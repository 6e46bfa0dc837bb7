package io.dealflow.identity.auth;

import org.jspecify.annotations.Nullable;

/**
 * A self-registration.
 *
 * @param email the email, normalized to lower case
 * @param password the password
 * @param firstName the first name
 * @param lastName the last name
 * @param company the company, which names the new organization; the person's name when absent
 */
public record Registration(
    String email, String password, String firstName, String lastName, @Nullable String company) {

  /** The new organization's name. */
  public String organizationName() {
    if (company != null && !company.isBlank()) {
      return company.strip();
    }
    return (firstName + " " + lastName).strip();
  }

  @Override
  public String toString() {
    return "Registration[organization=" + organizationName() + "]";
  }
}
