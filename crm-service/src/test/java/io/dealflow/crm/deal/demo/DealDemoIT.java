package io.dealflow.crm.deal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.crm.RunningCrmService;
import io.dealflow.crm.VectorosClient;
import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.EventProbe;
import io.dealflow.platform.test.KeycloakTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The demo deals: across the pipeline, in the demo organization, seeded once however often run. */
@TestPropertySource(properties = "dealflow.crm.demo.enabled=true")
class DealDemoIT extends RunningCrmService {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired DealDemoSeeder seeder;

  JsonNode demoDeals() {
    return new VectorosClient(baseUrl(), KeycloakTokens.demoRep())
        .get("/api/v1/workspaces/" + KeycloakTokens.DEMO_ORG_ID + "/deals?limit=100")
        .json();
  }

  @Test
  void theDemoOrganizationHasDealsInEveryStage() {
    JsonNode deals = demoDeals();
    Set<String> showcase =
        DealDemoSeeder.deals(LocalDate.now()).stream()
            .map(deal -> deal.id().value().toString())
            .collect(Collectors.toSet());

    assertThat(
            deals
                .get("deals")
                .valueStream()
                .filter(d -> showcase.contains(d.get("id").asString()))
                .map(d -> d.get("stage").asString()))
        .containsExactlyInAnyOrder("lead", "qualified", "proposal", "negotiation", "won", "lost");
    assertThat(deals.get("deals").valueStream().map(d -> d.get("source").asString()))
        .containsOnly("demo");
    assertThat(deals.get("deals").valueStream().map(d -> d.get("assignedTo").asString()))
        .contains(DealDemoSeeder.REP.toString(), DealDemoSeeder.ADMIN.toString());
  }

  @Test
  void theDemoOrganizationHasMonthsOfHistoryWhoseEventsCarryItsTimes() {
    JsonNode deals = demoDeals();
    Instant now = Instant.now();
    List<JsonNode> history =
        deals
            .get("deals")
            .valueStream()
            .filter(
                d ->
                    Instant.parse(d.get("createdAt").asString())
                        .isBefore(now.minus(Duration.ofDays(30))))
            .toList();
    assertThat(history).hasSize(DealDemoSeeder.HISTORY);
    assertThat(history)
        .anySatisfy(
            d ->
                assertThat(Instant.parse(d.get("createdAt").asString()))
                    .isBefore(now.minus(Duration.ofDays(170))));
    assertThat(history.stream().map(d -> d.get("stage").asString()))
        .contains("lead", "qualified", "proposal", "negotiation", "won", "lost");
    assertThat(history.stream().filter(d -> !d.get("closedAt").isNull()))
        .allSatisfy(
            d ->
                assertThat(Instant.parse(d.get("closedAt").asString()))
                    .isBefore(now.minus(Duration.ofDays(1))));

    // The won deal's events were published with the times of its history, not the seeding's.
    JsonNode won =
        history.stream()
            .filter(d -> d.get("stage").asString().equals("won"))
            .findFirst()
            .orElseThrow();
    String wonId = won.get("id").asString();
    try (EventProbe events =
        new EventProbe(Devstack.kafka().bootstrapServers(), List.of("deal.created", "deal.won"))) {
      EventProbe.Received created =
          events.await(r -> r.type().equals("deal.created") && r.subject().equals(wonId), WAIT);
      assertThat(Instant.parse(created.envelope().get("time").asString()))
          .isEqualTo(Instant.parse(won.get("createdAt").asString()));
      EventProbe.Received closed =
          events.await(r -> r.type().equals("deal.won") && r.subject().equals(wonId), WAIT);
      assertThat(Instant.parse(closed.envelope().get("time").asString()))
          .isEqualTo(Instant.parse(won.get("closedAt").asString()));
    }
  }

  @Test
  void seedingAgainChangesNothing() {
    JsonNode before = demoDeals();

    seeder.seed();
    seeder.seed();

    assertThat(demoDeals()).isEqualTo(before);
    assertThat(before.get("total").asLong()).isEqualTo(6 + DealDemoSeeder.HISTORY);
  }
}
