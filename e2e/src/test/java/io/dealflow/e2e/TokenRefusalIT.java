package io.dealflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.e2e.Accounts.Account;
import io.dealflow.platform.test.ForgedTokens;
import io.dealflow.platform.test.KeycloakTokens;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forged, broken and expired tokens are refused with 401 by the gateway and, called directly, by
 * identity-service too: the gateway is not the only line.
 */
class TokenRefusalIT {

  private static Account account;
  private static Map<String, String> forgeries;

  @BeforeAll
  static void genuineAccount() {
    account = Accounts.register(E2eStack.client(), "Fabrikam");
    forgeries = new LinkedHashMap<>(ForgedTokens.all(account.accessToken()));
    forgeries.put("expired", KeycloakTokens.expired(account.email(), Accounts.PASSWORD));
  }

  @Test
  void genuineTokenIsAcceptedByGatewayAndService() {
    assertThat(E2eStack.client().bearer(account.accessToken()).get("/api/v1/auth/me").status())
        .isEqualTo(200);
    assertThat(
            E2eStack.identityDirect().bearer(account.accessToken()).get("/api/v1/auth/me").status())
        .isEqualTo(200);
  }

  @Test
  void gatewayRefusesMissingAndForgedTokensInTheRoutesFormat() {
    Http.Response none = E2eStack.client().get("/api/v1/auth/me");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().get("error_code").asString()).startsWith("AUTH_");

    forgeries.forEach(
        (name, token) -> {
          Http.Response trainer = E2eStack.client().bearer(token).get("/api/v1/auth/me");
          assertThat(trainer.status()).as(name + ": " + trainer).isEqualTo(401);
          assertThat(trainer.json().get("error_code").asString()).as(name).startsWith("AUTH_");

          Http.Response vectoros =
              E2eStack.client().bearer(token).get("/api/v1/workspaces/" + account.orgId());
          assertThat(vectoros.status()).as(name + ": " + vectoros).isEqualTo(401);
          assertThat(vectoros.json().get("code").asString()).as(name).isNotBlank();
        });
  }

  @Test
  void identityServiceRefusesThemWhenCalledDirectly() {
    Http.Response none = E2eStack.identityDirect().get("/api/v1/auth/me");
    assertThat(none.status()).isEqualTo(401);

    forgeries.forEach(
        (name, token) -> {
          Http.Response direct = E2eStack.identityDirect().bearer(token).get("/api/v1/auth/me");
          assertThat(direct.status()).as(name + ": " + direct).isEqualTo(401);
          assertThat(direct.json().get("error_code").asString()).as(name).startsWith("AUTH_");
        });
  }

  @Test
  void devTokenStandsForTheDemoRepUnderTheDevProfileOfRun() {
    Http devToken = E2eStack.client().bearer("dev_token");

    Http.Response profile = devToken.get("/api/v1/profile");

    assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
    assertThat(profile.json().get("email").asString()).isEqualTo("rep@demo.dealflow.local");
    assertThat(profile.json().get("skills").isArray()).isTrue();
  }

  @Test
  void expiredTokenIsReportedAsExpired() {
    Http.Response response =
        E2eStack.client().bearer(forgeries.get("expired")).get("/api/v1/auth/me");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().get("error_code").asString()).isEqualTo("AUTH_TOKEN_EXPIRED");
  }
}
