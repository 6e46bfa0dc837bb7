package io.dealflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.EventProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A sales team works its CRM through the gateway, and the rest of the suite hears about it on
 * Kafka: a lead created and qualified publishes {@code lead.qualified}; a deal won publishes {@code
 * deal.won}; each event checked against the AsyncAPI document by the probe.
 */
class CrmFlowIT {

  private static EventProbe probe(String... topics) {
    return new EventProbe(
        E2eStack.get().infrastructure().kafka().bootstrapServers(), List.of(topics));
  }

  @Test
  void aLeadCreatedAndQualifiedThroughTheGatewayPublishesLeadQualified() {
    var account = Accounts.register(E2eStack.client(), "Pipeline Partners");
    Http crm = E2eStack.client().bearer(account.accessToken());

    try (EventProbe events = probe("lead.created", "lead.qualified")) {
      Http.Response created =
          crm.post(
              "/api/v1/leads",
              Map.of(
                  "lead",
                  Map.of(
                      "name", "Jane Smith",
                      "email", "jane@tech.example",
                      "source", "website",
                      "metadata", Map.of("company", "Tech Corp", "industry", "Technology"))));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      JsonNode lead = created.json().get("data");
      String leadId = lead.get("id").asString();
      assertThat(lead.get("type").asString()).isEqualTo("lead");
      assertThat(lead.get("attributes").get("status").asString()).isEqualTo("new");

      Http.Response qualified =
          crm.patch("/api/v1/leads/" + leadId + "/status", Map.of("status", "qualified"));
      assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);
      assertThat(qualified.json().get("data").get("attributes").get("status").asString())
          .isEqualTo("qualified");

      events.await(
          r -> r.type().equals("lead.created") && r.subject().equals(leadId),
          Duration.ofSeconds(30));
      EventProbe.Received event =
          events.await(
              r -> r.type().equals("lead.qualified") && r.subject().equals(leadId),
              Duration.ofSeconds(30));
      assertThat(event.envelope().get("orgid").asString()).isEqualTo(account.orgId());
      assertThat(event.envelope().get("source").asString()).isEqualTo("/dealflow/crm-service");
      assertThat(event.data().get("lead_id").asString()).isEqualTo(leadId);
      assertThat(event.data().get("score").asInt()).isBetween(0, 100);
      assertThat(event.data().get("qualification_criteria").isArray()).isTrue();
    }

    var stranger = Accounts.register(E2eStack.client(), "Nosy Neighbours");
    Http.Response leads = E2eStack.client().bearer(stranger.accessToken()).get("/api/v1/leads");
    assertThat(leads.status()).as(leads.toString()).isEqualTo(200);
    assertThat(leads.json().get("data")).isEmpty();
  }

  @Test
  void aDealWonThroughTheGatewayPublishesDealWon() {
    var account = Accounts.register(E2eStack.client(), "Closers Inc");
    Http crm = E2eStack.client().bearer(account.accessToken());

    try (EventProbe events = probe("deal.created", "deal.stage.changed", "deal.won")) {
      Http.Response created =
          crm.post(
              "/api/v1/workspaces/" + account.orgId() + "/deals",
              Map.of("title", "Annual licence", "value", 25000, "currency", "USD"));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      String dealId = created.json().get("id").asString();

      Http.Response won = crm.patch("/api/v1/deals/" + dealId, Map.of("stage", "won"));
      assertThat(won.status()).as(won.toString()).isEqualTo(200);
      assertThat(won.json().get("stage").asString()).isEqualTo("won");

      EventProbe.Received event =
          events.await(
              r -> r.type().equals("deal.won") && r.subject().equals(dealId),
              Duration.ofSeconds(30));
      assertThat(event.data().get("deal_id").asString()).isEqualTo(dealId);
      assertThat(event.data().get("workspace_id").asString()).isEqualTo(account.orgId());
      assertThat(event.data().get("value").decimalValue()).isEqualByComparingTo("25000");
      events.await(
          r -> r.type().equals("deal.stage.changed") && r.subject().equals(dealId),
          Duration.ofSeconds(10));
    }

    var stranger = Accounts.register(E2eStack.client(), "Deal Snoopers");
    Http.Response foreign =
        E2eStack.client()
            .bearer(stranger.accessToken())
            .get("/api/v1/workspaces/" + account.orgId() + "/deals");
    assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
  }
}
