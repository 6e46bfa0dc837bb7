package io.dealflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.e2e.Accounts.Account;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A new customer's whole session, as a frontend drives it through the gateway. */
class AuthFlowIT {

  @Test
  void registerLoginMeOrgsRefreshLogoutAndTheRefreshIsRefusedAfterwards() {
    Http client = E2eStack.client();

    Account account = Accounts.register(client, "Northwind Traders");
    assertThat(Tokens.claim(account.accessToken(), "org_id")).isNotBlank();

    Http.Response login =
        client.post(
            "/api/v1/auth/login", Map.of("email", account.email(), "password", Accounts.PASSWORD));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    assertThat(login.json().get("token_type").asString()).isEqualTo("bearer");
    assertThat(login.json().get("expires_in").asInt()).isPositive();
    String access = login.json().get("access_token").asString();
    String refresh = login.json().get("refresh_token").asString();

    Http.Response me = client.bearer(access).get("/api/v1/auth/me");
    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    JsonNode user = me.json();
    assertThat(user.get("email").asString()).isEqualTo(account.email());
    assertThat(user.get("first_name").asString()).isEqualTo("Erin");
    assertThat(user.get("displayName").asString()).contains("Erin");
    assertThat(user.get("company").asString()).isEqualTo("Northwind Traders");
    assertThat(user.get("role").asString()).isEqualTo("admin");
    assertThat(user.get("tenant_id").asString()).isEqualTo(account.orgId());

    Http.Response orgs = client.bearer(access).get("/api/v1/orgs");
    assertThat(orgs.status()).as(orgs.toString()).isEqualTo(200);
    assertThat(orgs.json().size()).isEqualTo(1);
    assertThat(orgs.json().get(0).get("name").asString()).isEqualTo("Northwind Traders");
    assertThat(orgs.json().get(0).get("role").asString()).isEqualTo("admin");

    Http.Response refreshed = client.post("/api/v1/auth/refresh", Map.of("refresh_token", refresh));
    assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
    String newAccess = refreshed.json().get("access_token").asString();
    String newRefresh = refreshed.json().get("refresh_token").asString();
    assertThat(client.bearer(newAccess).get("/api/v1/auth/me").status()).isEqualTo(200);

    Http.Response logout =
        client.bearer(newAccess).post("/api/v1/auth/logout", Map.of("refresh_token", newRefresh));
    assertThat(logout.status()).as(logout.toString()).isEqualTo(200);
    assertThat(logout.json().get("message").asString()).isEqualTo("Logged out successfully");

    Http.Response refused =
        client.post("/api/v1/auth/refresh", Map.of("refresh_token", newRefresh));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
    assertThat(refused.json().get("error_code").asString()).startsWith("AUTH_");
    assertThat(refused.json().get("timestamp").asString()).isNotBlank();
  }

  @Test
  void aTrainerClientRefreshesWithItsBearerTokenAloneUntilItLogsOut() {
    Http client = E2eStack.client();
    Account account = Accounts.register(client, "Trainer Refresh Co");

    Http.Response refreshed =
        client.bearer(account.accessToken()).post("/api/v1/auth/refresh", null);
    assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
    assertThat(refreshed.json().get("token_type").asString()).isEqualTo("bearer");
    assertThat(refreshed.json().get("expires_in").asInt()).isPositive();
    assertThat(refreshed.json().get("user").get("id").asString()).isEqualTo(account.userId());
    String newAccess = refreshed.json().get("access_token").asString();
    assertThat(Tokens.claim(newAccess, "sub")).isEqualTo(account.userId());
    assertThat(client.bearer(newAccess).get("/api/v1/auth/me").status()).isEqualTo(200);

    Http.Response logout = client.bearer(newAccess).post("/api/v1/auth/logout", null);
    assertThat(logout.status()).as(logout.toString()).isEqualTo(200);

    Http.Response refused = client.bearer(newAccess).post("/api/v1/auth/refresh", null);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
    assertThat(refused.json().get("error_code").asString()).isEqualTo("AUTH_INVALID_TOKEN");
    assertThat(refused.json().get("detail").asString()).isNotBlank();
    assertThat(refused.json().get("timestamp").asString()).isNotBlank();
  }

  @Test
  void wrongPasswordIsRefusedInTheTrainerFormat() {
    Http client = E2eStack.client();
    Account account = Accounts.register(client, "Contoso");

    Http.Response login =
        client.post(
            "/api/v1/auth/login", Map.of("email", account.email(), "password", "wrong-pass"));

    assertThat(login.status()).isEqualTo(401);
    assertThat(login.json().get("error_code").asString()).isEqualTo("AUTH_INVALID_CREDENTIALS");
  }
}
