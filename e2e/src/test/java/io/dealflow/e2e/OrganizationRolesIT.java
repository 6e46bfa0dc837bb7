package io.dealflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.e2e.Accounts.Account;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A role belongs to an organization, through the gateway: Y is a rep of B and the admin of the
 * workspace W that Y created. Y acts as admin in W and as a rep in B, whichever organization the
 * token names as current.
 */
class OrganizationRolesIT {

  private static final String Y_PASSWORD = "Rep-Of-B-and-Admin-of-W-1";

  private static Account bAdmin;
  private static Http y;
  private static String w;

  @BeforeAll
  static void yIsARepOfBWhoFoundsW() {
    bAdmin = Accounts.register(E2eStack.client(), "B Corp");
    String email = "e2e-y-" + UUID.randomUUID() + "@example.com";
    Http.Response added =
        E2eStack.client()
            .bearer(bAdmin.accessToken())
            .post(
                "/api/v1/users",
                Map.of(
                    "email", email,
                    "firstName", "Yan",
                    "lastName", "Rep",
                    "role", "rep",
                    "password", Y_PASSWORD));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    Http.Response workspace =
        E2eStack.client()
            .bearer(signIn(email))
            .post("/api/v1/workspaces", Map.of("name", "Y's own"));
    assertThat(workspace.status()).as(workspace.toString()).isEqualTo(201);
    w = workspace.json().get("id").asString();
    // Signed in again: the new token lists W, with Y's role there.
    String token = signIn(email);
    assertThat(Tokens.claim(token, "org_id")).isEqualTo(bAdmin.orgId());
    y = E2eStack.client().bearer(token);
  }

  @Test
  void yDeletesADealOfTheWorkspaceItAdministers() {
    String deal = createDeal(y, w);

    Http.Response deleted = y.send("DELETE", "/api/v1/deals/" + deal, null);

    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertThat(y.get("/api/v1/deals/" + deal).status()).isEqualTo(404);
  }

  @Test
  void yCannotDeleteADealOfBWhereItIsARep() {
    Http b = E2eStack.client().bearer(bAdmin.accessToken());
    String deal = createDeal(b, bAdmin.orgId());

    Http.Response refused = y.send("DELETE", "/api/v1/deals/" + deal, null);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.json().get("code").asString()).isEqualTo("FORBIDDEN");
    assertThat(b.get("/api/v1/deals/" + deal).status()).isEqualTo(200);
  }

  @Test
  void yCannotConnectAnIntegrationToB() {
    Http.Response refused =
        y.post("/api/v1/workspaces/" + bAdmin.orgId() + "/integrations", Map.of("provider", "csv"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    Http.Response list =
        E2eStack.client()
            .bearer(bAdmin.accessToken())
            .get("/api/v1/workspaces/" + bAdmin.orgId() + "/integrations");
    assertThat(list.json().get("integrations")).isEmpty();
  }

  @Test
  void yConnectsAnIntegrationToW() {
    Http.Response connected =
        y.post("/api/v1/workspaces/" + w + "/integrations", Map.of("provider", "csv"));

    assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
  }

  @Test
  void yActingForBIsNoSailwindOrWebhookAdminThere() {
    Http.Response archetype =
        y.post("/api/v1/sailwind/client-archetypes", Map.of("name", "Enterprise buyer"));
    Http.Response webhook =
        y.post(
            "/api/v1/webhooks",
            Map.of(
                "url",
                "https://partner.example.com/hook",
                "events",
                java.util.List.of("deal.won")));

    assertThat(archetype.status()).as(archetype.toString()).isEqualTo(403);
    assertThat(webhook.status()).as(webhook.toString()).isEqualTo(403);
  }

  private static String createDeal(Http client, String workspace) {
    Http.Response created =
        client.post(
            "/api/v1/workspaces/" + workspace + "/deals",
            Map.of("title", "Renewal " + UUID.randomUUID(), "value", 1200, "currency", "USD"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private static String signIn(String email) {
    Http.Response login =
        E2eStack.client()
            .post("/api/v1/auth/login", Map.of("email", email, "password", Y_PASSWORD));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return login.json().get("access_token").asString();
  }
}
