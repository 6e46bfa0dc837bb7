package io.dealflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.ForgedTokens;
import io.dealflow.platform.test.KeycloakTokens;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Trainer seed's refresh: {@code POST /api/v1/auth/refresh} with only {@code Authorization:
 * Bearer <access token>}, against the real Keycloak (standard token exchange).
 */
class BearerRefreshIT extends RunningIdentityService {

  @Test
  void theAccessTokenAloneIsExchangedForAWorkingNewTokenOfTheSameUser() {
    Registered erin = register("Bearer Refresh Co");

    Api.Response refreshed = api().as(erin.accessToken()).post("/api/v1/auth/refresh", null);

    assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
    JsonNode answer = refreshed.json();
    assertThat(answer.get("token_type").asString()).isEqualTo("bearer");
    // Keycloak answers the seconds left of the 30-minute token: 1799 when a second turns between
    // issuing the token and answering.
    assertThat(answer.get("expires_in").asLong()).isBetween(1799L, 1800L);
    assertThat(answer.get("user").get("id").asString()).isEqualTo(erin.userId());
    assertThat(answer.get("user").get("email").asString()).isEqualTo(erin.email());
    String newAccess = answer.get("access_token").asString();
    assertThat(newAccess).isNotEqualTo(erin.accessToken());
    JsonNode claims = Realm.claims(newAccess);
    assertThat(claims.get("sub").asString()).isEqualTo(erin.userId());
    assertThat(claims.get("org_id").asString()).isEqualTo(erin.orgId());
    assertThat(claims.get("exp").asLong())
        .isGreaterThanOrEqualTo(Realm.claims(erin.accessToken()).get("exp").asLong());

    Api.Response me = api().as(newAccess).get("/api/v1/auth/me");
    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    assertThat(me.json().get("id").asString()).isEqualTo(erin.userId());

    Api.Response again =
        api()
            .post(
                "/api/v1/auth/refresh",
                Map.of("refresh_token", answer.get("refresh_token").asString()));
    assertThat(again.status()).as("its refresh token works too: " + again).isEqualTo(200);
  }

  @Test
  void anEmptyJsonBodyCountsAsNoBody() {
    Registered erin = register("Empty Body Co");

    Api.Response refreshed = api().as(erin.accessToken()).post("/api/v1/auth/refresh", "{}");

    assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
    assertThat(refreshed.json().get("user").get("id").asString()).isEqualTo(erin.userId());
  }

  @Test
  void afterLogoutTheAccessTokenCanNoLongerBeRefreshed() {
    Registered erin = register("Logged Out Co");
    Api.Response logout = api().as(erin.accessToken()).post("/api/v1/auth/logout", null);
    assertThat(logout.status()).as(logout.toString()).isEqualTo(200);

    Api.Response refused = api().as(erin.accessToken()).post("/api/v1/auth/refresh", null);

    assertTrainerRefusal(refused, "AUTH_INVALID_TOKEN");
  }

  @Test
  void anExpiredTokenIsRefusedAsExpired() {
    Registered erin = register("Expired Refresh Co");
    String expired = KeycloakTokens.expired(erin.email(), PASSWORD);

    Api.Response refused = api().as(expired).post("/api/v1/auth/refresh", null);

    assertTrainerRefusal(refused, "AUTH_TOKEN_EXPIRED");
  }

  @Test
  void forgedTokensAreRefusedAsInvalid() {
    Registered erin = register("Forged Refresh Co");
    Map<String, String> forgeries = new LinkedHashMap<>(ForgedTokens.all(erin.accessToken()));

    forgeries.forEach(
        (forgery, token) -> {
          Api.Response refused = api().as(token).post("/api/v1/auth/refresh", null);
          assertTrainerRefusal(refused, "AUTH_INVALID_TOKEN");
        });
  }

  @Test
  void aRefreshTokenInTheBodyIsUsedWhateverTheHeaderSays() {
    Registered erin = register("Body Wins Co");
    Api.Response login =
        api().post("/api/v1/auth/login", Map.of("email", erin.email(), "password", PASSWORD));
    String refresh = login.json().get("refresh_token").asString();

    Api.Response refreshed =
        api()
            .as(ForgedTokens.garbage())
            .post("/api/v1/auth/refresh", Map.of("refresh_token", refresh));

    assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
    assertThat(refreshed.json().get("user").get("id").asString()).isEqualTo(erin.userId());
  }

  @Test
  void neitherABodyNorABearerTokenIsAValidationError() {
    Api.Response refused = api().post("/api/v1/auth/refresh", null);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.body()).contains("refresh_token");
  }

  private static void assertTrainerRefusal(Api.Response refused, String code) {
    assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
    JsonNode body = refused.json();
    assertThat(body.get("error_code").asString()).as(refused.toString()).isEqualTo(code);
    assertThat(body.get("detail").asString()).isNotBlank();
    assertThat(body.get("timestamp").asString()).isNotBlank();
    assertThat(body.has("access_token")).isFalse();
  }
}
