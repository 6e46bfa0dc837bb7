package io.dealflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.ForgedTokens;
import io.dealflow.platform.test.KeycloakTokens;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * identity-service called directly (not through the gateway) refuses every token it should, in the
 * family format of the route.
 */
class TokenRefusalIT extends RunningIdentityService {

  @Test
  void forgedAndExpiredTokensAnswer401InEachFamilysFormat() {
    Registered erin = register("Forgery Target Co");
    Map<String, String> tokens = new LinkedHashMap<>(ForgedTokens.all(erin.accessToken()));
    tokens.put("expired", KeycloakTokens.expired(erin.email(), PASSWORD));

    tokens.forEach(
        (forgery, token) -> {
          Api forger = api().as(token);

          Api.Response trainer = forger.get("/api/v1/auth/me");
          assertThat(trainer.status()).as(forgery + " trainer " + trainer).isEqualTo(401);
          assertThat(trainer.json().get("error_code").asString())
              .as(forgery)
              .isIn("AUTH_INVALID_TOKEN", "AUTH_TOKEN_EXPIRED");

          Api.Response vectoros = forger.get("/api/v1/workspaces/" + erin.orgId());
          assertThat(vectoros.status()).as(forgery + " vectoros " + vectoros).isEqualTo(401);
          assertThat(vectoros.json().has("error")).as(forgery).isTrue();
          assertThat(vectoros.body()).doesNotContain("Forgery Target Co");

          Api.Response hellosales = forger.get("/api/v1/profile");
          assertThat(hellosales.status()).as(forgery + " hellosales").isEqualTo(401);
          assertThat(hellosales.json().get("detail").has("code")).as(forgery).isTrue();

          Api.Response spotlight = forger.get("/api/v1/user");
          assertThat(spotlight.status()).as(forgery + " spotlight").isEqualTo(401);
          assertThat(spotlight.json().get("errors").get(0).get("title").asString())
              .as(forgery)
              .isEqualTo("Authentication Error");
        });
  }

  @Test
  void anExpiredTokenIsNamedAsSuchForTrainerClients() {
    Registered erin = register("Expiry Co");
    String expired = KeycloakTokens.expired(erin.email(), PASSWORD);

    Api.Response me = api().as(expired).get("/api/v1/auth/me");

    assertThat(me.status()).isEqualTo(401);
    assertThat(me.json().get("error_code").asString()).isEqualTo("AUTH_TOKEN_EXPIRED");
  }

  @Test
  void theGenuineTokenIsAcceptedSoTheRefusalsAreAboutTheForgery() {
    Registered erin = register("Genuine Co");

    Api.Response me = api().as(erin.accessToken()).get("/api/v1/auth/me");

    assertThat(me.status()).isEqualTo(200);
  }

  @Test
  void theDevTokenIsRefusedWithoutTheDevProfile() {
    Api.Response profile = api().as("dev_token").get("/api/v1/profile");

    assertThat(profile.status()).isEqualTo(401);
    JsonNode detail = profile.json().get("detail");
    assertThat(detail.get("code").asString()).isEqualTo("UNAUTHORIZED");
  }
}
