package io.dealflow.crm.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.crm.RunningCrmService;
import io.dealflow.crm.VectorosClient;
import io.dealflow.crm.VectorosClient.Response;
import io.dealflow.crm.integration.hubspot.FakeHubSpot;
import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.EventProbe;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Syncs writing real leads through the Spotlight side's lead import: they appear on the Spotlight
 * leads API, are found again by their external id, and a failed sync leaves none behind.
 */
@TestPropertySource(properties = "dealflow.crm.integrations.allow-private-targets=true")
class LeadSyncIT extends RunningCrmService {

  private TestUser admin;

  @BeforeEach
  void organization() {
    admin = TestUsers.inNewOrganization("admin");
  }

  VectorosClient client() {
    return new VectorosClient(baseUrl(), admin.token());
  }

  String connect(Map<String, Object> body) {
    Response connected =
        client().post("/api/v1/workspaces/" + admin.orgId() + "/integrations", body);
    assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
    return connected.json().get("id").asString();
  }

  Response csv(String integration, String text) {
    return client()
        .postRaw(
            "/api/v1/integrations/" + integration + "/sync",
            text.getBytes(StandardCharsets.UTF_8),
            "text/csv");
  }

  /** The organization's leads from the given source, as the Spotlight API lists them. */
  List<JsonNode> leads(String source) {
    Response listed = client().get("/api/v1/leads?source=" + source + "&per_page=100");
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    return listed.json().get("data").valueStream().map(d -> d.get("attributes")).toList();
  }

  @Test
  void csvLeadsAppearOnTheLeadsApiAndASecondImportUpdatesThem() {
    String integration = connect(Map.of("provider", "csv"));
    String header = "type,external_id,name,email,phone,company\n";

    Response first =
        csv(
            integration,
            header
                + "lead,L-1,Ada Lovelace,ada@example.com,,Analytical Engines\n"
                + "lead,L-2,Charles Babbage,,+44 20 7946 0001,\n");
    Response second =
        csv(
            integration,
            header
                + "lead,L-1,Ada Lovelace,ada@example.com,+44 20 7946 0000,Analytical Engines\n"
                + "lead,L-2,Charles Babbage,,+44 20 7946 0001,\n");

    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().get("counts").get("leads").get("created").asInt()).isEqualTo(2);
    assertThat(second.json().get("counts").get("leads").get("updated").asInt()).isEqualTo(1);
    assertThat(second.json().get("counts").get("leads").get("unchanged").asInt()).isEqualTo(1);
    List<JsonNode> leads = leads("csv");
    assertThat(leads).hasSize(2);
    JsonNode ada =
        leads.stream()
            .filter(l -> l.get("name").asString().equals("Ada Lovelace"))
            .findFirst()
            .orElseThrow();
    assertThat(ada.get("email").asString()).isEqualTo("ada@example.com");
    assertThat(ada.get("phone").asString()).isEqualTo("+44 20 7946 0000");
  }

  @Test
  void aFileWithOneBadDealLeavesNoLeadBehind() {
    String integration = connect(Map.of("provider", "csv"));

    Response refused =
        csv(
            integration,
            "type,external_id,name,title,value\n"
                + "lead,L-1,Grace Hopper,,\n"
                + "deal,D-1,,Compiler,-10\n");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(leads("csv")).isEmpty();
  }

  /**
   * The lead import refuses the lead inside the sync's transaction: the rollback takes the other
   * lead with it, while the failure and its event, written in a transaction of their own, stay.
   */
  @Test
  void aLeadTheLeadImportRefusesFailsTheFileWithItsLine() {
    String integration = connect(Map.of("provider", "csv"));
    // Within the file's own limit for phone numbers (50), beyond what leads accept (40).
    String longPhone = "+1 " + "5".repeat(42);

    Response refused =
        csv(
            integration,
            "type,external_id,name,phone\n"
                + "lead,L-1,Fine Person,\n"
                + "lead,L-2,Long Phone,"
                + longPhone
                + "\n");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    JsonNode problem = refused.json().get("details").get("problems").get(0);
    assertThat(problem.get("line").asInt()).isEqualTo(3);
    assertThat(leads("csv")).isEmpty();
    JsonNode listed =
        client()
            .get("/api/v1/workspaces/" + admin.orgId() + "/integrations")
            .json()
            .get("integrations")
            .get(0);
    assertThat(listed.get("lastStatus").asString()).isEqualTo("failed");
    try (EventProbe events =
        new EventProbe(Devstack.kafka().bootstrapServers(), List.of("integration.failed"))) {
      EventProbe.Received failed =
          events.await(
              EventProbe.about(integration).and(EventProbe.ofType("integration.failed")),
              Duration.ofSeconds(30));
      assertThat(failed.data().get("reason").asString())
          .startsWith("The lead on line 3 was refused: ");
    }
  }

  @Test
  void hubSpotContactsBecomeLeadsOnce() {
    try (FakeHubSpot hubspot = new FakeHubSpot("pat-na1-leads", 1)) {
      hubspot.contact(
          "301",
          Map.of("firstname", "Katherine", "lastname", "Johnson", "email", "kj@example.com"));
      hubspot.contact("302", Map.of("firstname", "Dorothy", "lastname", "Vaughan"));
      String integration =
          connect(
              Map.of(
                  "provider",
                  "hubspot",
                  "baseUrl",
                  hubspot.baseUrl(),
                  "accessToken",
                  "pat-na1-leads",
                  "objects",
                  List.of("contacts")));

      Response first = client().post("/api/v1/integrations/" + integration + "/sync", null);
      Response second = client().post("/api/v1/integrations/" + integration + "/sync", null);

      assertThat(first.status()).as(first.toString()).isEqualTo(200);
      assertThat(first.json().get("recordsSynced").asInt()).isEqualTo(2);
      assertThat(second.json().get("counts").get("leads").get("unchanged").asInt()).isEqualTo(2);
      assertThat(leads("hubspot").stream().map(l -> l.get("name").asString()))
          .containsExactlyInAnyOrder("Katherine Johnson", "Dorothy Vaughan");
    }
  }
}
