package io.dealflow.platform.test;

import io.dealflow.devstack.Devstack;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh PostgreSQL database per test class (creating one takes well under a second here), so test
 * classes never see each other's rows and need no clean-up.
 */
public final class TestDatabases {

  private TestDatabases() {}

  /** Creates a database named after {@code prefix} and points {@code spring.datasource} at it. */
  public static String register(DynamicPropertyRegistry registry, String prefix) {
    var postgres = Devstack.postgres();
    String database = postgres.createFreshDatabase(prefix);
    registry.add("spring.datasource.url", () -> postgres.jdbcUrl(database));
    registry.add("spring.datasource.username", postgres::username);
    registry.add("spring.datasource.password", postgres::password);
    return database;
  }

  /** Points the platform's token checks at the realm's Keycloak. */
  public static void registerSecurity(DynamicPropertyRegistry registry) {
    var keycloak = Devstack.keycloak();
    registry.add("dealflow.security.issuer-uri", keycloak::issuerUri);
    registry.add("dealflow.security.jwk-set-uri", keycloak::jwkSetUri);
  }
}
