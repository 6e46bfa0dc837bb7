package io.dealflow.insights.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.insights.CrmDeals;
import io.dealflow.insights.RunningInsightsService;
import io.dealflow.insights.SalesActivityEvents;
import io.dealflow.insights.activity.ActivityFigures;
import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.TestEvents;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The operator's rebuild: a read model whose tables were lost comes back from the topics, the same
 * as before; one rebuild at a time.
 */
class ReadModelRebuildIT extends RunningInsightsService {

  @Autowired ReadModelRebuild rebuild;
  @Autowired ReadModelTables tables;
  @Autowired ActivityFigures activity;
  @Autowired JdbcClient jdbc;

  @Test
  void aLostReadModelIsRebuiltFromTheTopicsAsItWas() {
    TestUser member = TestUsers.inNewOrganization("rep");
    ApiClient client = as(member);
    CrmDeals crm = CrmDeals.of(member.orgId());
    Instant now = Instant.now();
    UUID moved = UUID.randomUUID();
    TestEvents.publish(crm.created(UUID.randomUUID(), 12_345, "lead", now.minusSeconds(60)));
    TestEvents.publish(crm.created(moved, 54_321, "qualified", now.minusSeconds(50)));
    TestEvents.publish(crm.moved(moved, "qualified", "proposal", 54_321, now.minusSeconds(40)));
    crm.path(
        UUID.randomUUID(),
        9_000,
        new String[] {"lead", "won"},
        new Instant[] {now.minusSeconds(30), now.minusSeconds(20)});
    UUID lead = UUID.randomUUID();
    SalesActivityEvents.of(member.orgId())
        .qualifiedLead(lead, now.minus(Duration.ofDays(4)), now.minus(Duration.ofDays(3)));

    String pipeline = "/workspaces/%s/analytics/pipeline".formatted(member.orgId());
    JsonNode before =
        until(() -> client.get(pipeline), body -> body.get("totals").get("count").asLong() == 3);
    Awaitility.await().atMost(WAIT).until(() -> waiting(member.orgId()) == 1);

    // The read model is lost (a restored backup without it, a bug that wrote it wrong).
    jdbc.sql("TRUNCATE " + ReadModelTables.TABLES).update();
    assertThat(client.get(pipeline).json().get("totals").get("count").asLong()).isZero();
    assertThat(waiting(member.orgId())).isZero();

    assertThat(rebuild.start()).isTrue();
    Awaitility.await().atMost(WAIT).until(() -> !(Boolean) rebuild.status().get("running"));

    Map<String, Object> status = rebuild.status();
    JsonNode report = (JsonNode) status.get("lastReport");
    assertThat(report.get("outcome").asString()).as(report.toString()).isEqualTo("done");
    assertThat(report.get("events").asLong()).isGreaterThanOrEqualTo(9);
    JsonNode after = client.get(pipeline).json();
    for (String field : List.of("stages", "open", "totals")) {
      assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
    }
    assertThat(waiting(member.orgId())).isEqualTo(1);
  }

  @Test
  void oneRebuildRunsAtATime() {
    assertThat(tables.claim("another instance")).isTrue();
    assertThat(rebuild.start()).as("claimed by another instance").isFalse();
    assertThat(rebuild.status().get("running")).isEqualTo(true);
    assertThat(rebuild.status().get("startedBy")).isEqualTo("another instance");
    tables.release("{\"outcome\": \"done\", \"events\": 0}");
    assertThat(rebuild.status().get("running")).isEqualTo(false);
  }

  private int waiting(UUID orgId) {
    return activity.waitingLeads(orgId, Instant.now().minus(Duration.ofDays(2)), 10).size();
  }
}
