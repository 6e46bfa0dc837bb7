package io.dealflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityPropertiesTest {

  private static final SecurityProperties.DevToken NO_DEV_TOKEN =
      new SecurityProperties.DevToken(false, "x", "x", null, List.of());
  private static final SecurityProperties.ApiTokenSettings DEFAULT_API_TOKENS =
      new SecurityProperties.ApiTokenSettings(null, Duration.ofSeconds(5), 10_000);

  @Test
  void refusesToStartWithoutAnIssuerAndNamesTheVariable() {
    assertThatThrownBy(
            () ->
                new SecurityProperties(
                    " ",
                    null,
                    "dealflow-api",
                    Duration.ZERO,
                    List.of(),
                    List.of(),
                    NO_DEV_TOKEN,
                    DEFAULT_API_TOKENS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DEALFLOW_SECURITY_ISSUER_URI");
  }

  @Test
  void keySetDefaultsToTheRealmsCertsEndpoint() {
    SecurityProperties properties =
        new SecurityProperties(
            "http://localhost:8180/realms/dealflow/",
            null,
            "dealflow-api",
            Duration.ZERO,
            List.of(),
            List.of(),
            NO_DEV_TOKEN,
            DEFAULT_API_TOKENS);

    assertThat(properties.effectiveJwkSetUri())
        .isEqualTo("http://localhost:8180/realms/dealflow/protocol/openid-connect/certs");
  }
}
