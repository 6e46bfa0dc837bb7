package io.dealflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Self-registered users, each with an organization of their own. */
final class Accounts {

  static final String PASSWORD = "Correct-Horse-42";

  record Account(
      String email, String accessToken, String refreshToken, String userId, String orgId) {}

  private Accounts() {}

  static Account register(Http client, String company) {
    String email = "e2e-" + UUID.randomUUID() + "@example.com";
    Http.Response response =
        client.post(
            "/api/v1/auth/register",
            Map.of(
                "email", email,
                "password", PASSWORD,
                "first_name", "Erin",
                "last_name", "Tester",
                "company", company));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    JsonNode body = response.json();
    String access = body.get("access_token").asString();
    String orgId = Tokens.claim(access, "org_id");
    return new Account(
        email,
        access,
        body.get("refresh_token").asString(),
        body.get("user").get("id").asString(),
        orgId);
  }
}
