package io.dealflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Workspaces and their members (VectorOS), with tenancy enforced against the real stack. */
class MembersIT extends RunningIdentityService {

  /** An admin adds a member; answers the new user's JSON. */
  Api.Response add(Registered admin, String email, String role, @Nullable String password) {
    Map<String, Object> body = new HashMap<>();
    body.put("email", email);
    body.put("firstName", "Max");
    body.put("lastName", "Member");
    body.put("role", role);
    if (password != null) {
      body.put("password", password);
    }
    Api.Response response = api().as(admin.accessToken()).post("/api/v1/users", body);
    if (response.status() == 201) {
      created(response.json().get("id").asString());
    }
    return response;
  }

  @Test
  void anAdminAddsAUserWhoSignsInWithATokenForTheAdminsOrganization() {
    Registered admin = register("Acme");
    String email = uniqueEmail("member");

    Api.Response added = add(admin, email, "manager", "Member-Pass-1");

    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    assertThat(added.headers().firstValue("Location"))
        .hasValue("/api/v1/users/" + added.json().get("id").asString());
    assertThat(added.json().get("role").asString()).isEqualTo("manager");
    assertThat(added.json().get("workspaceId").asString()).isEqualTo(admin.orgId());
    assertThat(added.json().has("temporaryPassword")).isFalse();
    String token = login(email, "Member-Pass-1");
    assertThat(Realm.claims(token).get("org_id").asString()).isEqualTo(admin.orgId());
    assertThat(Realm.realmRoles(token)).contains("manager").doesNotContain("admin");
    JsonNode me = api().as(token).get("/api/v1/auth/me").json();
    assertThat(me.get("role").asString()).isEqualTo("manager");
    assertThat(me.get("company").asString()).isEqualTo("Acme");
  }

  @Test
  void withoutAPasswordTheNewUserGetsATemporaryOneAndMustSetUpTheAccount() {
    Registered admin = register("Temp Co");
    String email = uniqueEmail("temp");

    Api.Response added = add(admin, email, "rep", null);

    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    String temporary = added.json().get("temporaryPassword").asString();
    assertThat(temporary).hasSizeGreaterThanOrEqualTo(16);
    Api.Response login =
        api().post("/api/v1/auth/login", Map.of("email", email, "password", temporary));
    assertThat(login.status()).isEqualTo(401);
    assertThat(login.json().get("error_code").asString()).isEqualTo("AUTH_ACCOUNT_SETUP_REQUIRED");
  }

  @Test
  void aRepCannotAddUsers() {
    Registered admin = register("Rep Test Co");
    String repEmail = uniqueEmail("rep");
    add(admin, repEmail, "rep", "Rep-Pass-123");
    String rep = login(repEmail, "Rep-Pass-123");
    String victim = uniqueEmail("never");

    Api.Response refused =
        api()
            .as(rep)
            .post(
                "/api/v1/users",
                Map.of("email", victim, "firstName", "No", "lastName", "Body", "role", "admin"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.json().get("code").asString()).isEqualTo("FORBIDDEN");
    assertThat(refused.json().has("error")).isTrue();
    assertThat(Realm.userIdsWithEmail(victim)).isEmpty();
  }

  @Test
  void addingAnExistingEmailAnswers409() {
    Registered admin = register("Dup Co");
    Registered other = register("Other Co");

    Api.Response refused = add(admin, other.email(), "rep", "Rep-Pass-123");

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("code").asString()).isEqualTo("EMAIL_ALREADY_REGISTERED");
  }

  @Test
  void anotherOrganizationsWorkspaceMembersAndUsersAnswer404WithoutData() {
    Registered alice = register("Alice Corp");
    Registered bob = register("Bob Ltd");
    Api alices = api().as(alice.accessToken());

    for (String path :
        new String[] {
          "/api/v1/workspaces/" + bob.orgId(),
          "/api/v1/workspaces/" + bob.orgId() + "/members",
          "/api/v1/users/" + bob.userId()
        }) {
      Api.Response response = alices.get(path);
      assertThat(response.status()).as(path + " -> " + response).isEqualTo(404);
      assertThat(response.body()).doesNotContain(bob.email()).doesNotContain("Bob Ltd");
      assertThat(response.json().get("code").asString()).isEqualTo("NOT_FOUND");
    }
    Api.Response patch = alices.patch("/api/v1/users/" + bob.userId(), Map.of("role", "rep"));
    assertThat(patch.status()).isEqualTo(404);
  }

  @Test
  void oneMemberIsFoundByIdAndANonMemberOrAnotherWorkspaceAnswers404() {
    Registered admin = register("Lookup Co");
    Registered outsider = register("Elsewhere Ltd");
    String repId =
        add(admin, uniqueEmail("lookup"), "rep", "Member-Pass-1").json().get("id").asString();
    Api admins = api().as(admin.accessToken());
    String members = "/api/v1/workspaces/" + admin.orgId() + "/members/";

    Api.Response found = admins.get(members + repId);
    Api.Response notAMember = admins.get(members + outsider.userId());
    Api.Response fromOutside =
        api()
            .as(outsider.accessToken())
            .get("/api/v1/workspaces/" + admin.orgId() + "/members/" + repId);

    assertThat(found.status()).as(found.toString()).isEqualTo(200);
    assertThat(found.json().get("userId").asString()).isEqualTo(repId);
    assertThat(found.json().get("role").asString()).isEqualTo("rep");
    for (Api.Response refused : new Api.Response[] {notAMember, fromOutside}) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
      assertThat(refused.json().get("code").asString()).isEqualTo("NOT_FOUND");
      assertThat(refused.body()).doesNotContain("lookup-");
    }
  }

  @Test
  void ownWorkspaceAndMembersAreVisibleAndPaged() {
    Registered admin = register("Paged Co");
    add(admin, uniqueEmail("p1"), "rep", "Member-Pass-1");
    add(admin, uniqueEmail("p2"), "agent", "Member-Pass-1");
    Api admins = api().as(admin.accessToken());

    Api.Response workspace = admins.get("/api/v1/workspaces/" + admin.orgId());
    Api.Response first = admins.get("/api/v1/workspaces/" + admin.orgId() + "/members?limit=2");
    Api.Response rest =
        admins.get("/api/v1/workspaces/" + admin.orgId() + "/members?limit=2&offset=2");

    assertThat(workspace.status()).as(workspace.toString()).isEqualTo(200);
    assertThat(workspace.json().get("name").asString()).isEqualTo("Paged Co");
    assertThat(workspace.json().get("memberCount").asLong()).isEqualTo(3);
    assertThat(workspace.json().get("role").asString()).isEqualTo("admin");
    assertThat(first.json().size()).isEqualTo(2);
    assertThat(first.headers().firstValue("X-Total-Count")).hasValue("3");
    assertThat(first.json().get(0).get("email").asString()).isEqualTo(admin.email());
    assertThat(rest.json().size()).isEqualTo(1);
    assertThat(rest.json().get(0).get("role").asString()).isEqualTo("agent");
  }

  @Test
  void aTooLargePageIsRefusedInTheVectorosFormat() {
    Registered admin = register("Limit Co");

    Api.Response refused =
        api()
            .as(admin.accessToken())
            .get("/api/v1/workspaces/" + admin.orgId() + "/members?limit=500");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("code").asString()).isEqualTo("VALIDATION_ERROR");
    assertThat(refused.json().get("details").get("fields").has("limit")).isTrue();
  }

  @Test
  void aNewWorkspaceIsUsableAtOnceAndJoinsTheTokensAfterARefresh() {
    Registered erin = register("Home Co");
    Api erins = api().as(erin.accessToken());

    Api.Response created = erins.post("/api/v1/workspaces", Map.of("name", "Side Project"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String workspace = created.json().get("id").asString();
    assertThat(created.json().get("role").asString()).isEqualTo("admin");
    assertThat(erins.get("/api/v1/workspaces/" + workspace).status()).isEqualTo(200);
    Api.Response refreshed =
        api().post("/api/v1/auth/refresh", Map.of("refresh_token", erin.refreshToken()));
    JsonNode claims = Realm.claims(refreshed.json().get("access_token").asString());
    assertThat(claims.get("org_id").asString()).isEqualTo(erin.orgId());
    assertThat(claims.get("org_ids").valueStream().map(JsonNode::asString))
        .containsExactly(erin.orgId(), workspace);
    assertThat(erins.get("/api/v1/orgs").json().size()).isEqualTo(2);
    assertThat(Realm.claims(login(erin.email(), PASSWORD)).get("given_name").asString())
        .isEqualTo("Erin");
  }

  @Test
  void anAdminChangesARoleAndTheNextTokenCarriesIt() {
    Registered admin = register("Promotion Co");
    String email = uniqueEmail("promoted");
    String repId = add(admin, email, "rep", "Member-Pass-1").json().get("id").asString();

    Api.Response promoted =
        api().as(admin.accessToken()).patch("/api/v1/users/" + repId, Map.of("role", "manager"));

    assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
    assertThat(promoted.json().get("role").asString()).isEqualTo("manager");
    assertThat(Realm.realmRoles(login(email, "Member-Pass-1")))
        .contains("manager")
        .doesNotContain("rep");
  }

  @Test
  void theOnlyAdminCannotGiveUpTheRole() {
    Registered admin = register("Lonely Admin Co");

    Api.Response refused =
        api()
            .as(admin.accessToken())
            .patch("/api/v1/users/" + admin.userId(), Map.of("role", "rep"));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("code").asString()).isEqualTo("LAST_ADMIN");
  }

  @Test
  void aMemberMayRenameItselfButNotOthersNorChangeRoles() {
    Registered admin = register("Rename Rules Co");
    String email = uniqueEmail("self");
    String memberId = add(admin, email, "rep", "Member-Pass-1").json().get("id").asString();
    Api member = api().as(login(email, "Member-Pass-1"));

    Api.Response renamed = member.patch("/api/v1/users/" + memberId, Map.of("firstName", "Maxi"));
    Api.Response renamesAdmin =
        member.patch("/api/v1/users/" + admin.userId(), Map.of("firstName", "Hacked"));
    Api.Response promotesItself =
        member.patch("/api/v1/users/" + memberId, Map.of("role", "admin"));

    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    assertThat(renamed.json().get("firstName").asString()).isEqualTo("Maxi");
    assertThat(renamesAdmin.status()).isEqualTo(403);
    assertThat(promotesItself.status()).isEqualTo(403);
    assertThat(
            api()
                .as(admin.accessToken())
                .get("/api/v1/users/" + memberId)
                .json()
                .get("role")
                .asString())
        .isEqualTo("rep");
  }
}
