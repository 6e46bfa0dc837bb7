package io.dealflow.devstack.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WellKnownTest {

  @Test
  void readsIssuerAndEndpointsFromTheDiscoveryDocument() {
    String json =
        """
        {"issuer":"http://localhost:8180/realms/dealflow",
         "authorization_endpoint":"http://localhost:8180/realms/dealflow/protocol/openid-connect/auth",
         "token_endpoint":"http://localhost:8180/realms/dealflow/protocol/openid-connect/token",
         "jwks_uri":"http://localhost:8180/realms/dealflow/protocol/openid-connect/certs"}
        """;

    assertThat(WellKnown.parse(json))
        .contains(
            new WellKnown(
                "http://localhost:8180/realms/dealflow",
                "http://localhost:8180/realms/dealflow/protocol/openid-connect/certs",
                "http://localhost:8180/realms/dealflow/protocol/openid-connect/token"));
  }

  @Test
  void somethingElseIsNotADiscoveryDocument() {
    assertThat(WellKnown.parse("{\"status\":\"UP\"}")).isEmpty();
  }
}
