package io.dealflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.e2e.Accounts.Account;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Spotlight's API tokens, as a partner's script uses them: an admin creates one, the script sends
 * it as {@code X-API-Key} (the SDKs' {@code apiKey}) or as a bearer, through the gateway or to a
 * service directly, with the token's role in its one organization, limited per token; once revoked,
 * it is refused everywhere within seconds.
 */
class ApiTokensIT {

  /** The longest a revoked token may still be accepted: the 5 s answer cache, and some slack. */
  private static final Duration REVOCATION_BOUND = Duration.ofSeconds(15);

  @Test
  void aTokenWorksThroughTheGatewayAndAtTheServicesUntilItIsRevoked() throws Exception {
    Account admin = Accounts.register(E2eStack.client(), "Token Partners");
    Http signedIn = E2eStack.client().bearer(admin.accessToken());
    JsonNode token = create(signedIn, "Partner sync", "rep");
    String tokenId = token.get("id").asString();
    String secret = token.get("attributes").get("token").asString();
    Http byHeader = E2eStack.client().with("X-API-Key", secret);
    Http byBearer = E2eStack.client().bearer(secret);
    Http crmDirect = new Http(E2eStack.get().serviceUrl("crm")).with("X-API-Key", secret);

    Http.Response lead =
        byHeader.post(
            "/api/v1/leads",
            Map.of("lead", Map.of("name", "Kim Token", "email", "kim@partner.example")));
    assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
    String leadId = lead.json().get("data").get("id").asString();
    assertThat(byBearer.get("/api/v1/leads/" + leadId).status()).isEqualTo(200);
    assertThat(crmDirect.get("/api/v1/leads/" + leadId).status()).isEqualTo(200);
    assertThat(signedIn.get("/api/v1/leads/" + leadId).status()).isEqualTo(200);
    Http.Response deal =
        byBearer.post(
            "/api/v1/workspaces/" + admin.orgId() + "/deals",
            Map.of("title", "Token deal", "value", 500, "currency", "USD"));
    assertThat(deal.status()).as(deal.toString()).isEqualTo(201);

    // Its role is rep: deleting a deal is an admin's or manager's act.
    Http.Response delete =
        byBearer.send("DELETE", "/api/v1/deals/" + deal.json().get("id").asString(), null);
    assertThat(delete.status()).as(delete.toString()).isEqualTo(403);

    // The last use is recorded.
    JsonNode seen = signedIn.get("/api/v1/api_tokens/" + tokenId).json().get("data");
    assertThat(seen.get("attributes").get("last_used_at").isNull()).isFalse();

    // A socket accepts it too.
    Sockets.openEvents(secret, new LinkedBlockingQueue<>()).abort();

    Http.Response revoked = signedIn.send("DELETE", "/api/v1/api_tokens/" + tokenId, null);
    assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);

    Http.Response refused = eventually(() -> byHeader.get("/api/v1/leads"));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().get("errors").get(0).get("status").asString()).isEqualTo("401");
    assertThat(eventually(() -> crmDirect.get("/api/v1/leads")).status()).isEqualTo(401);
    assertThat(eventually(() -> byBearer.get("/api/v1/leads/" + leadId)).status()).isEqualTo(401);
    assertThat(signedIn.get("/api/v1/leads/" + leadId).status()).isEqualTo(200);
    // realtime-service, which owns the sockets, may have the token's answer cached for up to 5 s.
    Http realtimeDirect = new Http(E2eStack.get().serviceUrl("realtime")).with("X-API-Key", secret);
    assertThat(eventually(() -> realtimeDirect.get("/api/v1/webhooks")).status()).isEqualTo(401);
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    Sockets.open("/ws/events", List.of(), secret, new LinkedBlockingQueue<>(), closed);
    assertThat(closed.get(Sockets.WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(4401);
  }

  @Test
  void anotherOrganizationsDataIsOutOfATokensReach() {
    Account mine = Accounts.register(E2eStack.client(), "Own Data Co");
    Account theirs = Accounts.register(E2eStack.client(), "Their Data Co");
    Http theirClient = E2eStack.client().bearer(theirs.accessToken());
    String theirLead =
        theirClient
            .post("/api/v1/leads", Map.of("lead", Map.of("name", "Private Pat")))
            .json()
            .get("data")
            .get("id")
            .asString();
    String secret =
        create(E2eStack.client().bearer(mine.accessToken()), "Admin key", "admin")
            .get("attributes")
            .get("token")
            .asString();
    Http token = E2eStack.client().with("X-API-Key", secret);

    assertThat(token.get("/api/v1/leads/" + theirLead).status()).isEqualTo(404);
    assertThat(token.get("/api/v1/leads").json().get("data")).isEmpty();
    assertThat(token.get("/api/v1/workspaces/" + theirs.orgId() + "/deals").status())
        .isEqualTo(404);
    // An admin token cannot mint more tokens, nor act as a person.
    assertThat(
            token
                .post(
                    "/api/v1/api_tokens",
                    Map.of("api_token", Map.of("name", "child", "role", "admin")))
                .status())
        .isEqualTo(403);
    assertThat(token.get("/api/v1/user").status()).isEqualTo(403);
  }

  @Test
  void eachTokenIsLimitedOnItsOwn() {
    Account admin = Accounts.register(E2eStack.client(), "Limits Co");
    Http signedIn = E2eStack.client().bearer(admin.accessToken());
    Http first =
        E2eStack.client()
            .with(
                "X-API-Key",
                create(signedIn, "one", "rep").get("attributes").get("token").asString());
    Http second =
        E2eStack.client()
            .with(
                "X-API-Key",
                create(signedIn, "two", "rep").get("attributes").get("token").asString());

    int limit = Integer.parseInt(first.get("/api/v1/leads").header("X-RateLimit-Limit"));
    first.get("/api/v1/leads");
    Http.Response third = first.get("/api/v1/leads");
    Http.Response other = second.get("/api/v1/leads");

    assertThat(third.status()).isEqualTo(200);
    assertThat(Integer.parseInt(third.header("X-RateLimit-Remaining"))).isEqualTo(limit - 3);
    assertThat(Integer.parseInt(other.header("X-RateLimit-Remaining"))).isEqualTo(limit - 1);
  }

  private static JsonNode create(Http admin, String name, String role) {
    Http.Response created =
        admin.post(
            "/api/v1/api_tokens",
            Map.of("api_token", Map.of("name", name + " " + UUID.randomUUID(), "role", role)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("data");
  }

  /** Asks until the answer is a 401, or the revocation bound has passed; the last answer. */
  private static Http.Response eventually(Supplier<Http.Response> call) {
    long deadline = System.nanoTime() + REVOCATION_BOUND.toNanos();
    Http.Response response = call.get();
    while (response.status() != 401 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      response = call.get();
    }
    return response;
  }
}
