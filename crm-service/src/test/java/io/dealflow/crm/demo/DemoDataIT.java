package io.dealflow.crm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.crm.Api;
import io.dealflow.crm.SpotlightService;
import io.dealflow.crm.Topics;
import io.dealflow.crm.events.CrmEvents;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The demo organization's Spotlight data: there at start, computed like real data, seeded once. */
@TestPropertySource(properties = "dealflow.crm.demo.enabled=true")
class DemoDataIT extends SpotlightService {

  @Autowired SpotlightDemoSeeder seeder;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void theDemoRepSeesAssistantsLeadsConversationsAndAppointments() {
    Api rep = rep();

    assertThat(
            rep.get("/api/v1/assistants")
                .json()
                .get("meta")
                .get("pagination")
                .get("total_count")
                .asInt())
        .isEqualTo(2);
    assertThat(rep.get("/api/v1/leads").json().get("data").size()).isEqualTo(4);
    assertThat(rep.get("/api/v1/conversations").json().get("data").size()).isEqualTo(3);
    assertThat(rep.get("/api/v1/appointments").json().get("data").size()).isEqualTo(2);
    JsonNode call = rep.get("/api/v1/conversations/5c3f2e4a-7d8b-4a9c-8d1e-2f3a4b5c6d01").json();
    assertThat(call.get("included").size()).isEqualTo(6);
    assertThat(call.get("data").get("attributes").get("sentiment").asString())
        .isEqualTo("positive");
  }

  @Test
  void oneDemoLeadQualifiedFromItsDataAndConversationAndSaidSo() {
    JsonNode priya = rep().get("/api/v1/leads/" + SpotlightDemoSeeder.PRIYA).attributes();

    assertThat(priya.get("qualified").asBoolean()).isTrue();
    assertThat(priya.get("status").asString()).isEqualTo("qualified");
    assertThat(priya.get("score").asInt()).isGreaterThanOrEqualTo(70);
    assertThat(priya.get("score_breakdown").get(4).get("points").asInt()).isPositive();
    JsonNode event = Topics.single(CrmEvents.LEAD_QUALIFIED.topic(), SpotlightDemoSeeder.PRIYA);
    assertThat(event.get("score").asInt()).isEqualTo(priya.get("score").asInt());
    assertThat(
            rep()
                .get("/api/v1/leads?status=qualified")
                .json()
                .get("data")
                .valueStream()
                .map(l -> l.get("id").asString())
                .toList())
        .isEqualTo(List.of(SpotlightDemoSeeder.PRIYA.toString()));
  }

  @Test
  void seedingAgainChangesNothing() {
    long leads = rows("leads");
    long transcripts = rows("transcripts");
    String before = rep().get("/api/v1/leads/" + SpotlightDemoSeeder.PRIYA).attributes().toString();

    new TransactionTemplate(transactions).executeWithoutResult(s -> seeder.seed(Instant.now()));

    assertThat(rows("leads")).isEqualTo(leads);
    assertThat(rows("transcripts")).isEqualTo(transcripts);
    assertThat(rep().get("/api/v1/leads/" + SpotlightDemoSeeder.PRIYA).attributes().toString())
        .isEqualTo(before);
    assertThat(Topics.events(CrmEvents.LEAD_CREATED.topic(), SpotlightDemoSeeder.PRIYA, 1))
        .hasSize(1);
  }
}
