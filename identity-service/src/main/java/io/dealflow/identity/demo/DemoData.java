package io.dealflow.identity.demo;

import io.dealflow.platform.security.Role;
import java.util.List;
import java.util.UUID;

/** The demo organization and users, as the realm export (devstack) defines them. */
final class DemoData {

  static final UUID ORG_ID = UUID.fromString("7f3c2a10-0d5e-4c8b-9a51-3e6f1d2b4c01");
  static final String ORG_NAME = "Demo Sales Co";

  static final List<DemoUser> USERS =
      List.of(
          new DemoUser(
              UUID.fromString("5d0c6a3e-8f1b-4e2a-9c47-1a2b3c4d5e01"),
              "admin@demo.dealflow.local",
              Role.ADMIN),
          new DemoUser(
              UUID.fromString("5d0c6a3e-8f1b-4e2a-9c47-1a2b3c4d5e02"),
              "rep@demo.dealflow.local",
              Role.REP));

  private DemoData() {}

  /**
   * A demo user.
   *
   * @param id its fixed Keycloak id
   * @param email its email, used when Keycloak has it under another id
   * @param role its role in the demo organization
   */
  record DemoUser(UUID id, String email, Role role) {}
}
