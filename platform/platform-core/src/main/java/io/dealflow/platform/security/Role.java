package io.dealflow.platform.security;

import java.util.Locale;
import java.util.Optional;

/** The realm roles. Authorities are {@code ROLE_admin}, {@code ROLE_rep}, ... */
public enum Role {
  ADMIN,
  MANAGER,
  REP,
  AGENT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String authority() {
    return "ROLE_" + id();
  }

  public static Optional<Role> fromId(String id) {
    for (Role role : values()) {
      if (role.id().equalsIgnoreCase(id.trim())) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
