package io.dealflow.platform.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealflow.platform.security.DevTokens;
import io.dealflow.platform.security.SecurityProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DevTokenGuardTest {

  private static final SecurityProperties.DevToken ENABLED =
      new SecurityProperties.DevToken(
          true,
          "5d0c6a3e-8f1b-4e2a-9c47-1a2b3c4d5e02",
          "rep@x",
          "7f3c2a10-0d5e-4c8b-9a51-3e6f1d2b4c01",
          List.of("rep"));

  @Test
  void enabledDevTokenRefusesToStartWithoutTheDevProfile() {
    MockEnvironment production = new MockEnvironment();
    production.setActiveProfiles("prod");

    assertThatThrownBy(() -> DevTokens.assertAllowed(ENABLED, production))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'dev' profile");
  }

  @Test
  void devProfileAllowsTheDevTokenAndItStandsForTheConfiguredUser() {
    MockEnvironment dev = new MockEnvironment();
    dev.setActiveProfiles("dev");

    DevTokens.assertAllowed(ENABLED, dev);

    assertThat(DevTokens.resolve("dev_token", ENABLED))
        .hasValueSatisfying(jwt -> assertThat(jwt.getSubject()).isEqualTo(ENABLED.subject()));
    assertThat(DevTokens.resolve("something_else", ENABLED)).isEmpty();
  }

  @Test
  void disabledDevTokenIsJustAnInvalidToken() {
    SecurityProperties.DevToken disabled =
        new SecurityProperties.DevToken(false, "x", "x", null, List.of());

    assertThat(DevTokens.resolve("dev_token", disabled)).isEmpty();
  }
}
