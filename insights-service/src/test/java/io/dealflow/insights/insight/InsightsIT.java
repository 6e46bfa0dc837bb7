package io.dealflow.insights.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Devstack;
import io.dealflow.insights.CrmDeals;
import io.dealflow.insights.RunningInsightsService;
import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.ApiClient.Response;
import io.dealflow.platform.test.EventProbe;
import io.dealflow.platform.test.TestEvents;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Insights raised by the engine from crm's events: a stalled deal and a concentrated pipeline show
 * up in the workspace's list with the numbers behind them and the deals they are about; a dismissed
 * insight is not raised again for the same cause; statuses, filters and other workspaces.
 */
class InsightsIT extends RunningInsightsService {

  @Autowired InsightEngine engine;

  private final Instant now = Instant.now();

  @Test
  void aStalledDealAndAConcentratedPipelineAreRaisedOnceEach() {
    TestUser member = TestUsers.inNewOrganization("manager");
    ApiClient client = as(member);
    CrmDeals crm = CrmDeals.of(member.orgId());
    UUID stalled = UUID.randomUUID();
    EventProbe events =
        new EventProbe(
            Devstack.kafka().bootstrapServers(), List.of("insight.generated", "insight.critical"));
    // Open: 40,000 in proposal untouched for 20 days, and four deals of 2,500 created a minute
    // ago: the three largest hold 45,000 of 50,000.
    TestEvents.publish(crm.created(stalled, 40_000, "proposal", now.minus(Duration.ofDays(20))));
    for (int i = 0; i < 4; i++) {
      TestEvents.publish(crm.created(UUID.randomUUID(), 2_500, "lead", now.minusSeconds(60)));
    }

    String list = "/workspaces/%s/insights".formatted(member.orgId());
    JsonNode insights =
        until(
            () -> client.get(list),
            body -> types(body).containsAll(List.of("deal_stalled", "pipeline_concentration")));
    JsonNode stall = only(insights, "deal_stalled");
    assertThat(stall.get("title").asString()).isEqualTo("Deal Stalled in Proposal");
    assertThat(stall.get("description").asString())
        .startsWith("Deal 40000 (40,000) has had no stage change for 20 days");
    // 40,000 of an open pipeline of 50,000: half of it or more.
    assertThat(stall.get("priority").asString()).isEqualTo("critical");
    assertThat(stall.get("status").asString()).isEqualTo("new");
    assertThat(stall.get("workspaceId").asString()).isEqualTo(member.orgId().toString());
    assertThat(stall.get("subjects").get(0).get("type").asString()).isEqualTo("deal");
    assertThat(stall.get("subjects").get(0).get("id").asString()).isEqualTo(stalled.toString());
    JsonNode concentration = only(insights, "pipeline_concentration");
    assertThat(concentration.get("description").asString())
        .contains(
            "three largest open deals hold 90% of the open pipeline (45,000 of 50,000 across 5 deals)");
    assertThat(concentration.get("subjects")).hasSize(3);

    // Published with the insight: insight.generated for each, insight.critical for the stall.
    String stallId = stall.get("id").asString();
    try (events) {
      EventProbe.Received generated =
          events.await(
              r -> r.type().equals("insight.generated") && r.subject().equals(stallId), WAIT);
      assertThat(generated.envelope().get("orgid").asString()).isEqualTo(member.orgId().toString());
      assertThat(generated.data().get("type").asString()).isEqualTo("deal_stalled");
      assertThat(generated.data().get("priority").asString()).isEqualTo("critical");
      assertThat(generated.data().get("subjects").get(0).get("id").asString())
          .isEqualTo(stalled.toString());
      events.await(r -> r.type().equals("insight.critical") && r.subject().equals(stallId), WAIT);
      String concentrationId = concentration.get("id").asString();
      events.await(
          r -> r.type().equals("insight.generated") && r.subject().equals(concentrationId), WAIT);
    }

    // Dismissed, then evaluated again with the deal still stalled: not raised a second time.
    Response dismissed =
        client.patch("/insights/" + stall.get("id").asString(), Map.of("status", "dismissed"));
    assertThat(dismissed.status()).as(dismissed.text()).isEqualTo(200);
    assertThat(dismissed.json().get("status").asString()).isEqualTo("dismissed");
    assertThat(engine.evaluate(member.orgId())).isEmpty();
    JsonNode after = client.get(list).json();
    assertThat(types(after).stream().filter("deal_stalled"::equals)).hasSize(1);
    assertThat(only(after, "deal_stalled").get("status").asString()).isEqualTo("dismissed");

    JsonNode filtered = client.get(list + "?status=dismissed").json();
    assertThat(filtered.get("total").asLong()).isEqualTo(1);
    assertThat(
            client
                .get(list + "?type=pipeline_concentration&priority=medium")
                .json()
                .get("total")
                .asLong())
        .isEqualTo(1);
    assertThat(client.get(list + "?priority=urgent").status()).isEqualTo(400);
  }

  @Test
  void statusesAreCheckedAndOtherWorkspacesSeeNothing() {
    TestUser member = TestUsers.inNewOrganization("rep");
    CrmDeals crm = CrmDeals.of(member.orgId());
    TestEvents.publish(
        crm.created(UUID.randomUUID(), 5_000, "negotiation", now.minus(Duration.ofDays(30))));
    String list = "/workspaces/%s/insights".formatted(member.orgId());
    JsonNode insight =
        only(
            until(() -> as(member).get(list), body -> types(body).contains("deal_stalled")),
            "deal_stalled");
    String path = "/insights/" + insight.get("id").asString();

    Response invalid = as(member).patch(path, Map.of("status", "archived"));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("code").asString()).isEqualTo("VALIDATION_ERROR");
    assertThat(invalid.json().get("details").get("fields").has("status")).isTrue();
    assertThat(as(member).patch(path, Map.of("status", "new")).status()).isEqualTo(400);
    assertThat(as(member).patch(path, Map.of("status", "viewed")).json().get("status").asString())
        .isEqualTo("viewed");
    Response unknown =
        as(member).patch("/insights/" + UUID.randomUUID(), Map.of("status", "viewed"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().propertyNames()).containsExactly("error", "code", "details");
    assertThat(unknown.json().get("code").asString()).isEqualTo("NOT_FOUND");

    TestUser stranger = TestUsers.inNewOrganization("admin");
    assertThat(as(stranger).patch(path, Map.of("status", "dismissed")).status()).isEqualTo(404);
    assertThat(as(stranger).get(list).status()).isEqualTo(404);
    assertThat(as(member).get(path.replace("/insights/", "/workspaces/") + "/insights").status())
        .isEqualTo(404);
  }

  static List<String> types(JsonNode body) {
    List<String> types = new ArrayList<>();
    body.get("insights").forEach(insight -> types.add(insight.get("type").asString()));
    return types;
  }

  static JsonNode only(JsonNode body, String type) {
    for (JsonNode insight : body.get("insights")) {
      if (insight.get("type").asString().equals(type)) {
        return insight;
      }
    }
    throw new AssertionError("no " + type + " in " + body);
  }
}
