package io.dealflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Spotlight's API tokens in identity-service, which issues them and checks them in its own table:
 * created by an admin and shown once, stored as a hash, used as a bearer or in {@code X-API-Key},
 * refused the moment they are revoked, and scoped to one organization and one role.
 */
class ApiTokensIT extends RunningIdentityService {

  @Autowired JdbcClient jdbc;

  @Test
  void anAdminCreatesATokenThatIsShownOnceStoredHashedAndWorksInEitherHeader() {
    Registered admin = register("Token Co");

    Api.Response created = create(admin.accessToken(), "CRM sync", "rep", null);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode data = created.json().get("data");
    String id = data.get("id").asString();
    String secret = data.get("attributes").get("token").asString();
    assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/api_tokens/" + id);
    assertThat(data.get("type").asString()).isEqualTo("api_token");
    assertThat(secret).startsWith("dfk_").hasSize(47);
    assertThat(data.get("attributes").get("role").asString()).isEqualTo("rep");
    assertThat(data.get("attributes").get("organization_id").asString()).isEqualTo(admin.orgId());
    assertThat(data.get("attributes").get("token_prefix").asString())
        .isEqualTo(secret.substring(0, 10));
    assertThat(data.get("attributes").get("expires_at").isNull()).isTrue();

    Map<String, Object> row =
        jdbc.sql("SELECT * FROM api_tokens WHERE id = :id")
            .param("id", UUID.fromString(id))
            .query()
            .singleRow();
    assertThat(row.values())
        .noneMatch(value -> String.valueOf(value).contains(secret.substring(4)));
    assertThat(row.get("token_hash")).asString().hasSize(64);

    JsonNode fetched = api().as(admin.accessToken()).get("/api/v1/api_tokens/" + id).json();
    assertThat(fetched.get("data").get("attributes").has("token")).isFalse();

    for (Api client : new Api[] {api().as(secret), api().withApiKey(secret)}) {
      Api.Response current = client.get("/api/v1/api_tokens/current");
      assertThat(current.status()).as(current.toString()).isEqualTo(200);
      JsonNode attributes = current.json().get("data").get("attributes");
      assertThat(current.json().get("data").get("id").asString()).isEqualTo(id);
      assertThat(attributes.get("organization_id").asString()).isEqualTo(admin.orgId());
      assertThat(attributes.get("role").asString()).isEqualTo("rep");
      assertThat(attributes.get("plan").asString()).isEqualTo("starter");
      assertThat(attributes.has("token")).isFalse();
    }
    assertThat(
            jdbc.sql("SELECT last_used_at FROM api_tokens WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query(Instant.class)
                .single())
        .isNotNull();
  }

  @Test
  void aRevokedTokenIsRefusedAtOnceAndRevokingAgainChangesNothing() {
    Registered admin = register("Revoke Co");
    JsonNode token = create(admin.accessToken(), "Old key", "manager", null).json().get("data");
    String id = token.get("id").asString();
    String secret = token.get("attributes").get("token").asString();
    assertThat(api().withApiKey(secret).get("/api/v1/api_tokens/current").status()).isEqualTo(200);

    Api.Response revoked =
        api().as(admin.accessToken()).send("DELETE", "/api/v1/api_tokens/" + id, null);

    assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
    JsonNode attributes = revoked.json().get("data").get("attributes");
    assertThat(attributes.get("revoked_at").isNull()).isFalse();
    assertThat(attributes.get("active").asBoolean()).isFalse();
    Api.Response refused = api().withApiKey(secret).get("/api/v1/api_tokens/current");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().get("errors").get(0).get("status").asString()).isEqualTo("401");

    Api.Response again =
        api().as(admin.accessToken()).send("DELETE", "/api/v1/api_tokens/" + id, null);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("data").get("attributes").get("revoked_at").asString())
        .isEqualTo(attributes.get("revoked_at").asString());
  }

  @Test
  void aTokenPastItsEndDateIsRefused() {
    Registered admin = register("Expiry Co");
    JsonNode token =
        create(admin.accessToken(), "Short", "rep", Instant.now().plusSeconds(3600).toString())
            .json()
            .get("data");
    String secret = token.get("attributes").get("token").asString();
    assertThat(api().as(secret).get("/api/v1/api_tokens/current").status()).isEqualTo(200);

    jdbc.sql("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = :id")
        .param("id", UUID.fromString(token.get("id").asString()))
        .update();

    Api.Response refused = api().as(secret).get("/api/v1/api_tokens/current");
    assertThat(refused.status()).isEqualTo(401);
    // A client is not told to refresh: an API token is not refreshed.
    assertThat(refused.body()).doesNotContain("expired");
  }

  @Test
  void onlyASignedInAdminManagesTokensAndOnlyItsOwnOrganizations() {
    Registered admin = register("Managed Co");
    Registered other = register("Other Co");
    JsonNode adminToken =
        create(admin.accessToken(), "Admin key", "admin", null).json().get("data");
    String adminSecret = adminToken.get("attributes").get("token").asString();
    String otherId =
        create(other.accessToken(), "Theirs", "rep", null).json().get("data").get("id").asString();

    // An API token cannot mint tokens, even with the admin role.
    Api.Response byToken = create(adminSecret, "Child", "admin", null);
    assertThat(byToken.status()).as(byToken.toString()).isEqualTo(403);
    assertThat(byToken.json().get("errors").get(0).get("status").asString()).isEqualTo("403");

    // Another organization's token is not found, and cannot be revoked.
    assertThat(api().as(admin.accessToken()).get("/api/v1/api_tokens/" + otherId).status())
        .isEqualTo(404);
    assertThat(
            api()
                .as(admin.accessToken())
                .send("DELETE", "/api/v1/api_tokens/" + otherId, null)
                .status())
        .isEqualTo(404);
    JsonNode list = api().as(admin.accessToken()).get("/api/v1/api_tokens").json();
    assertThat(list.get("data")).hasSize(1);
    assertThat(list.get("data").get(0).get("id").asString())
        .isEqualTo(adminToken.get("id").asString());
    assertThat(list.get("meta").get("pagination").get("total_count").asLong()).isEqualTo(1);

    // A user endpoint is about a person, not a token.
    assertThat(api().withApiKey(adminSecret).get("/api/v1/user").status()).isEqualTo(403);
    // The membership check other services make with the caller's credential (playbook before a
    // rep assignment) answers for the token's own organization only.
    Api.Response member =
        api()
            .as(adminSecret)
            .get("/api/v1/workspaces/" + admin.orgId() + "/members/" + admin.userId());
    assertThat(member.status()).as(member.toString()).isEqualTo(200);
    assertThat(
            api()
                .as(adminSecret)
                .get("/api/v1/workspaces/" + other.orgId() + "/members/" + other.userId())
                .status())
        .isEqualTo(404);
  }

  @Test
  void aRepCannotCreateTokens() {
    Registered admin = register("Rep Token Co");
    String email = uniqueEmail("rep");
    Api.Response added =
        api()
            .as(admin.accessToken())
            .post(
                "/api/v1/users",
                Map.of(
                    "email", email,
                    "firstName", "Rae",
                    "lastName", "Rep",
                    "role", "rep",
                    "password", "Rep-Pass-123"));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    created(added.json().get("id").asString());

    Api.Response refused = create(login(email, "Rep-Pass-123"), "Mine", "rep", null);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
  }

  @Test
  void badInputIsRefusedInTheSpotlightFormatAndCreatesNothing() {
    Registered admin = register("Bad Input Co");

    Api.Response badRole = create(admin.accessToken(), "Key", "owner", null);
    Api.Response blankName = create(admin.accessToken(), " ", "rep", null);
    Api.Response past =
        create(admin.accessToken(), "Key", "rep", Instant.now().minusSeconds(60).toString());
    Api.Response wrongKey = api().withApiKey("not-a-token").get("/api/v1/api_tokens/current");
    Api.Response unknown =
        api().withApiKey("dfk_" + "A".repeat(43)).get("/api/v1/api_tokens/current");

    assertThat(badRole.status()).as(badRole.toString()).isEqualTo(422);
    assertThat(badRole.json().get("errors").get(0).get("source").get("pointer").asString())
        .isEqualTo("/data/attributes/role");
    assertThat(blankName.status()).as(blankName.toString()).isEqualTo(422);
    assertThat(past.status()).as(past.toString()).isEqualTo(422);
    assertThat(wrongKey.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(
            jdbc.sql("SELECT count(*) FROM api_tokens WHERE org_id = :org")
                .param("org", UUID.fromString(admin.orgId()))
                .query(Long.class)
                .single())
        .isZero();
  }

  private Api.Response create(String bearer, String name, String role, @Nullable String expiresAt) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("name", name);
    attributes.put("role", role);
    if (expiresAt != null) {
      attributes.put("expires_at", expiresAt);
    }
    return api().as(bearer).post("/api/v1/api_tokens", Map.of("api_token", attributes));
  }
}
