package io.dealflow.crm.integration.hubspot;

import static io.dealflow.platform.test.EventProbe.about;
import static io.dealflow.platform.test.EventProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.crm.RunningCrmService;
import io.dealflow.crm.VectorosClient;
import io.dealflow.crm.VectorosClient.Response;
import io.dealflow.crm.integration.LeadImport;
import io.dealflow.crm.integration.RecordingLeadImport;
import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.EventProbe;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * HubSpot syncs against a real HTTP server on localhost that speaks the HubSpot CRM v3 objects API:
 * paging, the bearer token, rate limits, server errors; the records land as deals (and, through the
 * lead import, as leads) and the outcome as events on Kafka.
 */
@TestPropertySource(
    properties = {
      "dealflow.crm.integrations.allow-private-targets=true",
      "dealflow.crm.integrations.hubspot.retry-backoff=50ms",
      "dealflow.crm.integrations.hubspot.max-attempts=3",
      "dealflow.crm.integrations.hubspot.max-retry-wait=3s"
    })
class HubSpotSyncIT extends RunningCrmService {

  private static final String TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";
  private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
  private static EventProbe events;

  @TestConfiguration
  static class Leads {

    @Bean
    @Primary
    RecordingLeadImport recordingLeadImport() {
      return new RecordingLeadImport();
    }
  }

  @Autowired RecordingLeadImport leads;

  private FakeHubSpot hubspot;
  private TestUser admin;

  @BeforeAll
  static void listen() {
    events =
        new EventProbe(
            Devstack.kafka().bootstrapServers(),
            List.of("integration.synced", "integration.failed", "deal.created", "deal.won"));
  }

  @AfterAll
  static void stopListening() {
    events.close();
  }

  @BeforeEach
  void portal() {
    hubspot = new FakeHubSpot(TOKEN, 2);
    admin = TestUsers.inNewOrganization("admin");
  }

  @AfterEach
  void closePortal() {
    hubspot.close();
  }

  VectorosClient client() {
    return new VectorosClient(baseUrl(), admin.token());
  }

  String connect(String token, List<String> objects) {
    Map<String, Object> body = new HashMap<>();
    body.put("provider", "hubspot");
    body.put("baseUrl", hubspot.baseUrl());
    body.put("accessToken", token);
    body.put("objects", objects);
    Response connected =
        client().post("/api/v1/workspaces/" + admin.orgId() + "/integrations", body);
    assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
    return connected.json().get("id").asString();
  }

  Response sync(String integration) {
    return client().post("/api/v1/integrations/" + integration + "/sync", null);
  }

  JsonNode deals() {
    return client().get("/api/v1/workspaces/" + admin.orgId() + "/deals?limit=100").json();
  }

  void fiveDeals() {
    hubspot.deal(
        "101",
        Map.of(
            "dealname",
            "Acme expansion",
            "amount",
            "12000",
            "dealstage",
            "qualifiedtobuy",
            "pipeline",
            "default",
            "closedate",
            "2026-03-31T00:00:00Z",
            "hs_deal_stage_probability",
            "0.4"));
    hubspot.deal(
        "102",
        Map.of(
            "dealname",
            "Globex renewal",
            "amount",
            "8000.50",
            "deal_currency_code",
            "EUR",
            "dealstage",
            "closedwon",
            "hs_is_closed",
            "true",
            "hs_is_closed_won",
            "true"));
    hubspot.deal(
        "103",
        Map.of(
            "dealname",
            "Initech pilot",
            "amount",
            "3000",
            "dealstage",
            "closedlost",
            "hs_is_closed",
            "true",
            "hs_is_closed_won",
            "false"));
    hubspot.deal(
        "104", Map.of("dealname", "Umbrella", "amount", "", "dealstage", "appointmentscheduled"));
    hubspot.deal(
        "105",
        Map.of(
            "dealname",
            "Hooli custom pipeline",
            "amount",
            "45000",
            "dealstage",
            "998877",
            "hs_deal_stage_probability",
            "0.8"));
  }

  @Test
  void aSyncReadsEveryPageWithTheTokenAndBringsTheDealsIn() {
    fiveDeals();
    String integration = connect(TOKEN, List.of("deals"));

    Response synced = sync(integration);

    assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
    JsonNode report = synced.json();
    assertThat(report.propertyNames())
        .containsExactlyInAnyOrder(
            "integrationId",
            "provider",
            "status",
            "recordsSynced",
            "counts",
            "skipped",
            "syncedAt");
    assertThat(report.get("status").asString()).isEqualTo("success");
    assertThat(report.get("recordsSynced").asInt()).isEqualTo(5);
    assertThat(report.get("counts").get("deals").get("created").asInt()).isEqualTo(5);
    List<FakeHubSpot.Request> requests = hubspot.requests();
    assertThat(requests)
        .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
    assertThat(requests).allSatisfy(r -> assertThat(r.path()).isEqualTo("/crm/v3/objects/deals"));
    assertThat(requests.stream().map(r -> r.query().get("after"))).containsExactly(null, "2", "4");
    assertThat(requests.getFirst().query().get("properties"))
        .contains("dealname", "amount", "dealstage", "closedate", "pipeline");
    Map<String, JsonNode> byExternalId = new HashMap<>();
    deals().get("deals").forEach(d -> byExternalId.put(d.get("externalId").asString(), d));
    assertThat(byExternalId).hasSize(5);
    JsonNode acme = byExternalId.get("101");
    assertThat(acme.get("source").asString()).isEqualTo("hubspot");
    assertThat(acme.get("title").asString()).isEqualTo("Acme expansion");
    assertThat(acme.get("stage").asString()).isEqualTo("qualified");
    assertThat(acme.get("probability").asInt()).isEqualTo(40);
    assertThat(acme.get("expectedCloseDate").asString()).isEqualTo("2026-03-31");
    assertThat(byExternalId.get("102").get("stage").asString()).isEqualTo("won");
    assertThat(byExternalId.get("102").get("currency").asString()).isEqualTo("EUR");
    assertThat(byExternalId.get("102").get("value").decimalValue()).isEqualByComparingTo("8000.50");
    assertThat(byExternalId.get("103").get("stage").asString()).isEqualTo("lost");
    assertThat(byExternalId.get("104").get("value").decimalValue()).isZero();
    assertThat(byExternalId.get("105").get("stage").asString()).isEqualTo("negotiation");
    EventProbe.Received done =
        events.await(about(integration).and(ofType("integration.synced")), EVENT_WAIT);
    assertThat(done.data().get("records_synced").asInt()).isEqualTo(5);
    assertThat(done.data().get("status").asString()).isEqualTo("success");
    assertThat(done.data().get("provider").asString()).isEqualTo("hubspot");
    assertThat(done.data().get("integration_id").asString()).isEqualTo(integration);
    String wonDeal = byExternalId.get("102").get("id").asString();
    events.await(about(wonDeal).and(ofType("deal.won")), EVENT_WAIT);
  }

  @Test
  void aSecondSyncUpdatesWhatChangedInsteadOfDuplicating() {
    fiveDeals();
    String integration = connect(TOKEN, List.of("deals"));
    sync(integration);
    hubspot.deal(
        "101",
        Map.of(
            "dealname",
            "Acme expansion",
            "amount",
            "15000",
            "dealstage",
            "contractsent",
            "closedate",
            "2026-03-31T00:00:00Z"));

    Response again = sync(integration);

    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    JsonNode counts = again.json().get("counts").get("deals");
    assertThat(counts.get("created").asInt()).isZero();
    assertThat(counts.get("updated").asInt()).isEqualTo(1);
    assertThat(counts.get("unchanged").asInt()).isEqualTo(4);
    assertThat(again.json().get("recordsSynced").asInt()).isEqualTo(1);
    JsonNode list = deals();
    assertThat(list.get("total").asLong()).isEqualTo(5);
    JsonNode acme =
        list.get("deals")
            .valueStream()
            .filter(d -> d.get("externalId").asString().equals("101"))
            .findFirst()
            .orElseThrow();
    assertThat(acme.get("value").decimalValue()).isEqualByComparingTo("15000");
    assertThat(acme.get("stage").asString()).isEqualTo("negotiation");
    assertThat(acme.get("version").asLong()).isEqualTo(1);
    assertThat(
            events
                .awaitCount(about(integration).and(ofType("integration.synced")), 2, EVENT_WAIT)
                .stream()
                .map(e -> e.data().get("records_synced").asInt()))
        .containsExactly(5, 1);
  }

  @Test
  void contactsBecomeLeadsThroughTheLeadImportInTheSyncsTransaction() {
    hubspot.contact(
        "201",
        Map.of(
            "firstname",
            "Ada",
            "lastname",
            "Lovelace",
            "email",
            "ada@example.com",
            "phone",
            "+44 20 7946 0000",
            "company",
            "Analytical Engines",
            "lifecyclestage",
            "lead"));
    hubspot.contact("202", Map.of("email", "anon@example.com"));
    hubspot.contact("203", Map.of("firstname", "Grace", "lastname", "Hopper"));
    String integration = connect(TOKEN, List.of("contacts"));

    Response synced = sync(integration);

    assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
    assertThat(synced.json().get("counts").get("leads").get("created").asInt()).isEqualTo(3);
    assertThat(hubspot.requests().stream().map(FakeHubSpot.Request::path))
        .containsOnly("/crm/v3/objects/contacts");
    List<RecordingLeadImport.Call> calls = leads.calls(admin.orgId());
    assertThat(calls).hasSize(3).allSatisfy(c -> assertThat(c.inTransaction()).isTrue());
    assertThat(calls).allSatisfy(c -> assertThat(c.source()).isEqualTo("hubspot"));
    LeadImport.ImportedLead ada = calls.getFirst().lead();
    assertThat(calls.getFirst().externalId()).isEqualTo("201");
    assertThat(ada.name()).isEqualTo("Ada Lovelace");
    assertThat(ada.email()).isEqualTo("ada@example.com");
    assertThat(ada.phone()).isEqualTo("+44 20 7946 0000");
    assertThat(ada.company()).isEqualTo("Analytical Engines");
    assertThat(ada.metadata()).containsEntry("lifecyclestage", "lead");
    assertThat(calls.get(1).lead().name()).isEqualTo("anon@example.com");
    assertThat(deals().get("total").asLong()).isZero();
  }

  @Test
  void aRateLimitIsWaitedOutAsRetryAfterAsks() {
    fiveDeals();
    String integration = connect(TOKEN, List.of("deals"));
    hubspot.rateLimit(1, "1");

    long started = System.nanoTime();
    Response synced = sync(integration);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
    assertThat(synced.json().get("recordsSynced").asInt()).isEqualTo(5);
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(hubspot.requests()).hasSize(4);
  }

  @Test
  void aRateLimitLongerThanTheBoundFailsTheSyncWithoutWaiting() {
    fiveDeals();
    String integration = connect(TOKEN, List.of("deals"));
    hubspot.rateLimit(1, "120");

    long started = System.nanoTime();
    Response failed = sync(integration);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(failed.status()).as(failed.toString()).isEqualTo(502);
    assertThat(failed.json().get("error").asString()).contains("429").contains("120 s");
    assertThat(took).isLessThan(Duration.ofSeconds(10));
    assertThat(deals().get("total").asLong()).isZero();
  }

  @Test
  void aRejectedTokenFailsTheSyncRecordsWhyAndEmitsIntegrationFailed() {
    fiveDeals();
    String integration = connect("pat-na1-revoked", List.of("contacts", "deals"));

    Response failed = sync(integration);

    assertThat(failed.status()).as(failed.toString()).isEqualTo(502);
    assertThat(failed.json().propertyNames()).containsExactly("error", "code", "details");
    assertThat(failed.json().get("code").asString()).isEqualTo("INTEGRATION_CREDENTIALS_REJECTED");
    assertThat(failed.json().get("error").asString())
        .startsWith("HubSpot refused the access token (401)")
        .contains("Authentication credentials not found");
    JsonNode details = failed.json().get("details");
    assertThat(details.get("integrationId").asString()).isEqualTo(integration);
    assertThat(details.get("status").asString()).isEqualTo("failed");
    assertThat(details.get("recordsSynced").asInt()).isZero();
    JsonNode listed =
        client()
            .get("/api/v1/workspaces/" + admin.orgId() + "/integrations")
            .json()
            .get("integrations")
            .get(0);
    assertThat(listed.get("status").asString()).isEqualTo("error");
    assertThat(listed.get("lastStatus").asString()).isEqualTo("failed");
    assertThat(listed.get("lastError").asString()).contains("401");
    assertThat(listed.get("lastSyncedAt").isNull()).isFalse();
    EventProbe.Received event =
        events.await(about(integration).and(ofType("integration.failed")), EVENT_WAIT);
    assertThat(event.data().get("reason").asString())
        .startsWith("HubSpot refused the access token (401)");
    assertThat(event.data().get("provider").asString()).isEqualTo("hubspot");
    assertThat(event.data().get("records_synced").asInt()).isZero();
    assertThat(deals().get("total").asLong()).isZero();
    assertThat(leads.calls(admin.orgId())).isEmpty();
  }

  @Test
  void serverErrorsAreRetriedAndReportedWhenTheyPersist() {
    fiveDeals();
    String integration = connect(TOKEN, List.of("deals"));
    hubspot.failWith503(3);

    Response failed = sync(integration);

    assertThat(failed.status()).as(failed.toString()).isEqualTo(502);
    assertThat(failed.json().get("code").asString()).isEqualTo("INTEGRATION_SYNC_FAILED");
    assertThat(failed.json().get("error").asString())
        .isEqualTo("HubSpot answered 503 after 3 attempts: Service Unavailable");
    assertThat(hubspot.requests()).hasSize(3);
    events.await(about(integration).and(ofType("integration.failed")), EVENT_WAIT);
  }

  @Test
  void aTransientServerErrorIsRetriedAndTheSyncSucceeds() {
    fiveDeals();
    String integration = connect(TOKEN, List.of("deals"));
    hubspot.failWith503(2);

    Response synced = sync(integration);

    assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
    assertThat(synced.json().get("recordsSynced").asInt()).isEqualTo(5);
  }

  @Test
  void aSyncThatBreaksHalfwayImportsNothing() {
    fiveDeals();
    hubspot.contact("201", Map.of("firstname", "Ada"));
    String integration = connect(TOKEN, List.of("contacts", "deals"));
    hubspot.breakAfter("4");

    Response failed = sync(integration);

    assertThat(failed.status()).as(failed.toString()).isEqualTo(502);
    assertThat(hubspot.requests().stream().map(r -> r.query().get("after"))).contains("2", "4");
    assertThat(deals().get("total").asLong()).isZero();
    assertThat(leads.calls(admin.orgId())).isEmpty();
  }

  @Test
  void theAccessTokenIsNeverAnswered() {
    String integration = connect(TOKEN, List.of("deals"));

    String listed = client().get("/api/v1/workspaces/" + admin.orgId() + "/integrations").body();
    hubspot.deal("1", Map.of("dealname", "x", "amount", "1"));
    String synced = sync(integration).body();

    assertThat(listed).doesNotContain(TOKEN).contains("\"credentialsStored\":true");
    assertThat(synced).doesNotContain(TOKEN);
  }
}
