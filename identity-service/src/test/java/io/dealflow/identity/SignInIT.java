package io.dealflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Registration, sign-in, refresh and sign-out, against the real Keycloak. */
class SignInIT extends RunningIdentityService {

  @Autowired JdbcClient jdbc;

  @Test
  void registerLoginMeOrgsRefreshLogoutAndTheRefreshIsRefusedAfterwards() {
    Registered erin = register("Northwind Traders");

    Api.Response login =
        api().post("/api/v1/auth/login", Map.of("email", erin.email(), "password", PASSWORD));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    assertThat(login.json().get("token_type").asString()).isEqualTo("bearer");
    // Keycloak answers the seconds left of the 30-minute token: 1799 when a second turns between
    // issuing the token and answering.
    assertThat(login.json().get("expires_in").asLong()).isBetween(1799L, 1800L);
    assertThat(login.json().get("user").get("last_login").isNull()).isFalse();
    String access = login.json().get("access_token").asString();
    String refresh = login.json().get("refresh_token").asString();

    Api.Response me = api().as(access).get("/api/v1/auth/me");
    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    assertThat(me.json().get("email").asString()).isEqualTo(erin.email());
    assertThat(me.json().get("displayName").asString()).isEqualTo("Erin Tester");
    assertThat(me.json().get("company").asString()).isEqualTo("Northwind Traders");
    assertThat(me.json().get("role").asString()).isEqualTo("admin");
    assertThat(me.json().get("tenant_id").asString()).isEqualTo(erin.orgId());

    Api.Response orgs = api().as(access).get("/api/v1/orgs");
    assertThat(orgs.status()).as(orgs.toString()).isEqualTo(200);
    assertThat(orgs.json().size()).isEqualTo(1);
    assertThat(orgs.json().get(0).get("name").asString()).isEqualTo("Northwind Traders");
    assertThat(orgs.headers().firstValue("X-Total-Count")).hasValue("1");

    Api.Response refreshed = api().post("/api/v1/auth/refresh", Map.of("refresh_token", refresh));
    assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
    String newAccess = refreshed.json().get("access_token").asString();
    String newRefresh = refreshed.json().get("refresh_token").asString();
    assertThat(refreshed.json().get("user").get("id").asString()).isEqualTo(erin.userId());

    Api.Response logout =
        api().as(newAccess).post("/api/v1/auth/logout", Map.of("refresh_token", newRefresh));
    assertThat(logout.status()).as(logout.toString()).isEqualTo(200);
    assertThat(logout.json().get("message").asString()).isEqualTo("Logged out successfully");

    Api.Response refused = api().post("/api/v1/auth/refresh", Map.of("refresh_token", newRefresh));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
    assertThat(refused.json().get("error_code").asString()).isEqualTo("AUTH_INVALID_REFRESH_TOKEN");
  }

  @Test
  void theRegisteredUsersTokenNamesItsNewOrganizationAndTheAdminRole() {
    Registered erin = register("Contoso");

    JsonNode claims = Realm.claims(erin.accessToken());

    assertThat(claims.get("sub").asString()).isEqualTo(erin.userId());
    assertThat(claims.get("org_id").asString()).isEqualTo(erin.orgId());
    assertThat(claims.get("org_ids").valueStream().map(JsonNode::asString))
        .containsExactly(erin.orgId());
    assertThat(Realm.realmRoles(erin.accessToken())).contains("admin").doesNotContain("rep");
  }

  @Test
  void withoutACompanyTheOrganizationIsNamedAfterThePerson() {
    Registered erin = register(uniqueEmail("nameless"), null);

    Api.Response orgs = api().as(erin.accessToken()).get("/api/v1/orgs");

    assertThat(orgs.json().get(0).get("name").asString()).isEqualTo("Erin Tester");
  }

  @Test
  void aDuplicateEmailAnswers409AndCreatesNoSecondKeycloakUser() {
    Registered first = register("First Corp");

    Api.Response second =
        api()
            .post(
                "/api/v1/auth/register",
                Map.of(
                    "email",
                    first.email().toUpperCase(),
                    "password",
                    "Another-Pass-99",
                    "first_name",
                    "Eve",
                    "last_name",
                    "Copy",
                    "company",
                    "Second Corp"));

    assertThat(second.status()).as(second.toString()).isEqualTo(409);
    assertThat(second.json().get("error_code").asString()).isEqualTo("EMAIL_ALREADY_REGISTERED");
    assertThat(Realm.userIdsWithEmail(first.email())).containsExactly(first.userId());
    assertThat(
            jdbc.sql("SELECT count(*) FROM organizations WHERE name = 'Second Corp'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void whenTheDatabaseRefusesTheUserTheKeycloakUserIsDeletedAgain() {
    jdbc.sql(
            """
            CREATE OR REPLACE FUNCTION refuse_doomed_users() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION 'refused by the compensation test'; END $$ LANGUAGE plpgsql
            """)
        .update();
    jdbc.sql(
            """
            CREATE OR REPLACE TRIGGER refuse_doomed BEFORE INSERT ON users FOR EACH ROW
            WHEN (NEW.email LIKE 'doomed-%') EXECUTE FUNCTION refuse_doomed_users()
            """)
        .update();
    String email = uniqueEmail("doomed");

    Api.Response response =
        api()
            .post(
                "/api/v1/auth/register",
                Map.of(
                    "email", email,
                    "password", PASSWORD,
                    "first_name", "Doomed",
                    "last_name", "Account",
                    "company", "Doomed Corp"));

    assertThat(response.status()).as(response.toString()).isEqualTo(500);
    assertThat(response.json().get("error_code").asString()).isEqualTo("INTERNAL_ERROR");
    assertThat(Realm.userIdsWithEmail(email)).isEmpty();
    assertThat(
            jdbc.sql("SELECT count(*) FROM organizations WHERE name = 'Doomed Corp'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aWrongPasswordAnswers401InTheTrainerFormat() {
    Registered erin = register("Fabrikam");

    Api.Response login =
        api().post("/api/v1/auth/login", Map.of("email", erin.email(), "password", "wrong-pass"));

    assertThat(login.status()).isEqualTo(401);
    assertThat(login.json().get("error_code").asString()).isEqualTo("AUTH_INVALID_CREDENTIALS");
    assertThat(login.json().get("detail").asString()).isEqualTo("Invalid email or password");
  }

  @Test
  void anUnknownEmailLooksLikeAWrongPassword() {
    Api.Response login =
        api()
            .post(
                "/api/v1/auth/login",
                Map.of("email", uniqueEmail("nobody"), "password", "whatever-1"));

    assertThat(login.status()).isEqualTo(401);
    assertThat(login.json().get("error_code").asString()).isEqualTo("AUTH_INVALID_CREDENTIALS");
  }

  @Test
  void spotlightSignInAnswersTheUserResourceWithTokensInMeta() {
    Registered erin = register("Spotlight Co");

    Api.Response signIn =
        api()
            .post(
                "/users/sign_in",
                Map.of("user", Map.of("email", erin.email(), "password", PASSWORD)));

    assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);
    JsonNode body = signIn.json();
    assertThat(body.get("data").get("id").asString()).isEqualTo(erin.userId());
    assertThat(body.get("data").get("type").asString()).isEqualTo("user");
    assertThat(body.get("data").get("attributes").get("company").asString())
        .isEqualTo("Spotlight Co");
    assertThat(body.get("data").get("attributes").get("role").asString()).isEqualTo("admin");
    assertThat(body.get("meta").get("token_type").asString()).isEqualTo("bearer");
    String access = body.get("meta").get("access_token").asString();
    assertThat(api().as(access).get("/api/v1/user").status()).isEqualTo(200);
  }

  @Test
  void spotlightSignInFailureIsAJsonApiAuthenticationError() {
    Api.Response signIn =
        api()
            .post(
                "/users/sign_in",
                Map.of("user", Map.of("email", uniqueEmail("nobody"), "password", "nope-nope")));

    assertThat(signIn.status()).isEqualTo(401);
    JsonNode error = signIn.json().get("errors").get(0);
    assertThat(error.get("status").asString()).isEqualTo("401");
    assertThat(error.get("title").asString()).isEqualTo("Authentication Error");
    assertThat(error.get("detail").asString()).isEqualTo("Invalid email or password");
  }

  @Test
  void logoutWithoutARefreshTokenEndsTheAccessTokensSession() {
    Registered erin = register("Session Co");

    Api.Response logout = api().as(erin.accessToken()).post("/api/v1/auth/logout", null);

    assertThat(logout.status()).as(logout.toString()).isEqualTo(200);
    Api.Response refused =
        api().post("/api/v1/auth/refresh", Map.of("refresh_token", erin.refreshToken()));
    assertThat(refused.status()).isEqualTo(401);
  }

  @Test
  void logoutRefusesAnotherUsersRefreshTokenAndLeavesItsSessionAlive() {
    Registered erin = register("Erin Co");
    Registered mallory = register("Mallory Co");

    Api.Response logout =
        api()
            .as(mallory.accessToken())
            .post("/api/v1/auth/logout", Map.of("refresh_token", erin.refreshToken()));

    assertThat(logout.status()).isEqualTo(403);
    assertThat(logout.json().get("error_code").asString()).isEqualTo("AUTH_REFRESH_TOKEN_MISMATCH");
    Api.Response stillAlive =
        api().post("/api/v1/auth/refresh", Map.of("refresh_token", erin.refreshToken()));
    assertThat(stillAlive.status()).isEqualTo(200);
  }

  @Test
  void aGarbageRefreshTokenAnswers401() {
    Api.Response refused =
        api().post("/api/v1/auth/refresh", Map.of("refresh_token", "not-a-refresh-token"));

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().get("error_code").asString()).isEqualTo("AUTH_INVALID_REFRESH_TOKEN");
  }

  @Test
  void aStaleAccessTokenSentAlongDoesNotStopARefresh() {
    Registered erin = register("Stale Token Co");

    Api.Response refreshed =
        api()
            .as("expired.or.forged")
            .post("/api/v1/auth/refresh", Map.of("refresh_token", erin.refreshToken()));

    assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
  }

  @Test
  void changingThePasswordRefusesTheOldOneAndAcceptsTheNewOne() {
    Registered erin = register("Password Co");

    Api.Response changed =
        api()
            .as(erin.accessToken())
            .post(
                "/api/v1/auth/change-password",
                Map.of("current_password", PASSWORD, "new_password", "Brand-New-Pass-7"));

    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().get("message").asString()).isEqualTo("Password changed successfully");
    Api.Response old =
        api().post("/api/v1/auth/login", Map.of("email", erin.email(), "password", PASSWORD));
    assertThat(old.status()).isEqualTo(401);
    assertThat(login(erin.email(), "Brand-New-Pass-7")).isNotBlank();
  }

  @Test
  void aWrongCurrentPasswordAnswers400AndChangesNothing() {
    Registered erin = register("Careful Co");

    Api.Response refused =
        api()
            .as(erin.accessToken())
            .post(
                "/api/v1/auth/change-password",
                Map.of("current_password", "not-my-password", "new_password", "Brand-New-Pass-7"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("error_code").asString())
        .isEqualTo("AUTH_INVALID_CURRENT_PASSWORD");
    assertThat(login(erin.email(), PASSWORD)).isNotBlank();
  }

  @Test
  void updatingMeRenamesTheUserInKeycloakToo() {
    Registered erin = register("Rename Co");

    Api.Response updated =
        api()
            .as(erin.accessToken())
            .put(
                "/api/v1/auth/me",
                Map.of("first_name", "Erika", "last_name", "Mustermann", "company", "Renamed Co"));

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.json().get("first_name").asString()).isEqualTo("Erika");
    assertThat(updated.json().get("company").asString()).isEqualTo("Renamed Co");
    JsonNode claims = Realm.claims(login(erin.email(), PASSWORD));
    assertThat(claims.get("given_name").asString()).isEqualTo("Erika");
    assertThat(claims.get("family_name").asString()).isEqualTo("Mustermann");
    assertThat(claims.get("org_id").asString()).isEqualTo(erin.orgId());
  }

  @Test
  void helloSalesDisplayNameShowsInEveryCurrentUserView() {
    Registered erin = register("Display Co");
    Api erins = api().as(erin.accessToken());

    Api.Response profile = erins.patch("/api/v1/profile", Map.of("displayName", "Erin the Great"));

    assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
    assertThat(profile.json().get("displayName").asString()).isEqualTo("Erin the Great");
    assertThat(profile.json().get("skills").isEmpty()).isTrue();
    assertThat(erins.get("/api/v1/auth/me").json().get("displayName").asString())
        .isEqualTo("Erin the Great");
    assertThat(
            erins.get("/api/v1/user").json().get("data").get("attributes").get("name").asString())
        .isEqualTo("Erin the Great");
  }

  @Test
  void spotlightPatchChangesNameAndCompany() {
    Registered erin = register("Old Name Co");

    Api.Response patched =
        api()
            .as(erin.accessToken())
            .patch("/api/v1/user", Map.of("user", Map.of("name", "E. T.", "company", "New Co")));

    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    JsonNode attributes = patched.json().get("data").get("attributes");
    assertThat(attributes.get("name").asString()).isEqualTo("E. T.");
    assertThat(attributes.get("company").asString()).isEqualTo("New Co");
  }
}
