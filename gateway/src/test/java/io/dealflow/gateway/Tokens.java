package io.dealflow.gateway;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.KeycloakTokens;

/** Real Keycloak tokens, fetched once per JVM: the tests only read them. */
final class Tokens {

  private static String admin;
  private static String rep;
  private static String expired;

  private Tokens() {}

  static synchronized String admin() {
    if (admin == null) {
      admin = KeycloakTokens.demoAdmin();
    }
    return admin;
  }

  static synchronized String rep() {
    if (rep == null) {
      rep = KeycloakTokens.demoRep();
    }
    return rep;
  }

  /** A genuine token of the demo rep that has expired (costs about two seconds, once). */
  static synchronized String expired() {
    if (expired == null) {
      expired = KeycloakTokens.expired(KeycloakTokens.DEMO_REP, Devstack.keycloak().demoPassword());
    }
    return expired;
  }
}
