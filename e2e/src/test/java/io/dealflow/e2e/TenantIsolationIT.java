package io.dealflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.e2e.Accounts.Account;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One organization never sees another's members: 404 (never data) through the gateway. */
class TenantIsolationIT {

  private static Account alice;
  private static Account bob;

  @BeforeAll
  static void twoOrganizations() {
    alice = Accounts.register(E2eStack.client(), "Alice Corp");
    bob = Accounts.register(E2eStack.client(), "Bob Ltd");
    assertThat(alice.orgId()).isNotEqualTo(bob.orgId());
  }

  @Test
  void ownWorkspaceAndMembersAreVisible() {
    Http alices = E2eStack.client().bearer(alice.accessToken());

    Http.Response workspace = alices.get("/api/v1/workspaces/" + alice.orgId());
    assertThat(workspace.status()).as(workspace.toString()).isEqualTo(200);
    assertThat(workspace.json().get("name").asString()).isEqualTo("Alice Corp");

    Http.Response members = alices.get("/api/v1/workspaces/" + alice.orgId() + "/members");
    assertThat(members.status()).as(members.toString()).isEqualTo(200);
    assertThat(members.body()).contains(alice.email()).doesNotContain(bob.email());
  }

  @Test
  void anotherOrganizationsWorkspaceMembersAndUsersAnswer404() {
    Http alices = E2eStack.client().bearer(alice.accessToken());

    for (String path :
        new String[] {
          "/api/v1/workspaces/" + bob.orgId(),
          "/api/v1/workspaces/" + bob.orgId() + "/members",
          "/api/v1/users/" + bob.userId()
        }) {
      Http.Response response = alices.get(path);
      assertThat(response.status()).as(path + " -> " + response).isEqualTo(404);
      assertThat(response.body()).doesNotContain(bob.email()).doesNotContain("Bob Ltd");
      JsonNode body = response.json();
      assertThat(body.has("error") && body.has("code")).as(response.toString()).isTrue();
    }
  }
}
