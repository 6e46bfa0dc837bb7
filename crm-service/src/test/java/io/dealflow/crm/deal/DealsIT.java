package io.dealflow.crm.deal;

import static io.dealflow.platform.test.EventProbe.about;
import static io.dealflow.platform.test.EventProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.crm.RunningCrmService;
import io.dealflow.crm.VectorosClient;
import io.dealflow.crm.VectorosClient.Response;
import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.EventProbe;
import io.dealflow.platform.test.KeycloakTokens;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** VectorOS deals against the real stack: wire format, rules, tenancy and the events on Kafka. */
class DealsIT extends RunningCrmService {

  private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
  private static EventProbe events;

  @BeforeAll
  static void listen() {
    events =
        new EventProbe(
            Devstack.kafka().bootstrapServers(),
            List.of("deal.created", "deal.stage.changed", "deal.won", "deal.lost", "deal.deleted"));
  }

  @AfterAll
  static void stopListening() {
    events.close();
  }

  VectorosClient as(TestUser user) {
    return new VectorosClient(baseUrl(), user.token());
  }

  static Map<String, Object> deal(String title, Object value) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("value", value);
    return body;
  }

  Response create(VectorosClient client, TestUser owner, Map<String, Object> body) {
    return client.post("/api/v1/workspaces/" + owner.orgId() + "/deals", body);
  }

  String createdId(VectorosClient client, TestUser owner, Map<String, Object> body) {
    Response created = create(client, owner, body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  @Test
  void aMemberCreatesADealAndReadsItBackInTheVectorosShape() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    VectorosClient client = as(rep);
    Map<String, Object> body = deal("Acme — 50 seats", 25000);
    body.put("currency", "usd");
    body.put("assignedTo", rep.id().toString());
    body.put("contactName", "Jane Buyer");
    body.put("companyName", "Acme Corp");
    body.put("expectedCloseDate", "2027-01-31");

    Response created = create(client, rep, body);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode json = created.json();
    String id = json.get("id").asString();
    assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/deals/" + id);
    assertThat(json.propertyNames())
        .containsExactlyInAnyOrder(
            "id",
            "workspaceId",
            "title",
            "value",
            "currency",
            "stage",
            "probability",
            "assignedTo",
            "contactName",
            "companyName",
            "expectedCloseDate",
            "closedAt",
            "source",
            "externalId",
            "createdBy",
            "createdAt",
            "updatedAt",
            "version");
    assertThat(json.get("workspaceId").asString()).isEqualTo(rep.orgId().toString());
    assertThat(json.get("value").decimalValue()).isEqualByComparingTo("25000");
    assertThat(created.body()).contains("\"value\":25000.00,");
    assertThat(json.get("currency").asString()).isEqualTo("USD");
    assertThat(json.get("stage").asString()).isEqualTo("lead");
    assertThat(json.get("probability").asInt()).isEqualTo(10);
    assertThat(json.get("assignedTo").asString()).isEqualTo(rep.id().toString());
    assertThat(json.get("expectedCloseDate").asString()).isEqualTo("2027-01-31");
    assertThat(json.get("closedAt").isNull()).isTrue();
    assertThat(json.get("source").asString()).isEqualTo("manual");
    assertThat(json.get("createdBy").asString()).isEqualTo(rep.id().toString());
    assertThat(json.get("version").asLong()).isZero();
    Response read = client.get("/api/v1/deals/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json()).isEqualTo(json);
  }

  @Test
  void creatingADealEmitsDealCreatedWithItsData() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    Map<String, Object> body = deal("Globex renewal", 1999.99);
    body.put("currency", "EUR");
    body.put("stage", "qualified");

    String id = createdId(as(rep), rep, body);

    EventProbe.Received created = events.await(about(id).and(ofType("deal.created")), EVENT_WAIT);
    assertThat(created.key()).isEqualTo(id);
    assertThat(created.envelope().get("orgid").asString()).isEqualTo(rep.orgId().toString());
    JsonNode data = created.data();
    assertThat(data.get("deal_id").asString()).isEqualTo(id);
    assertThat(data.get("workspace_id").asString()).isEqualTo(rep.orgId().toString());
    assertThat(data.get("title").asString()).isEqualTo("Globex renewal");
    assertThat(data.get("value").decimalValue()).isEqualByComparingTo("1999.99");
    assertThat(data.get("currency").asString()).isEqualTo("EUR");
    assertThat(data.get("stage").asString()).isEqualTo("qualified");
  }

  @Test
  void winningADealClosesItAndEmitsStageChangedAndWon() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    VectorosClient client = as(rep);
    String id = createdId(client, rep, deal("Initech upgrade", 48000));

    Response won = client.patch("/api/v1/deals/" + id, Map.of("stage", "won"));

    assertThat(won.status()).as(won.toString()).isEqualTo(200);
    assertThat(won.json().get("stage").asString()).isEqualTo("won");
    assertThat(won.json().get("probability").asInt()).isEqualTo(100);
    assertThat(won.json().get("closedAt").isNull()).isFalse();
    assertThat(won.json().get("version").asLong()).isEqualTo(1);
    EventProbe.Received changed =
        events.await(about(id).and(ofType("deal.stage.changed")), EVENT_WAIT);
    assertThat(changed.data().get("previous_stage").asString()).isEqualTo("lead");
    assertThat(changed.data().get("stage").asString()).isEqualTo("won");
    EventProbe.Received closed = events.await(about(id).and(ofType("deal.won")), EVENT_WAIT);
    assertThat(closed.data().propertyNames())
        .containsExactlyInAnyOrder("deal_id", "value", "workspace_id");
    assertThat(closed.data().get("deal_id").asString()).isEqualTo(id);
    assertThat(closed.data().get("value").decimalValue()).isEqualByComparingTo("48000");
    assertThat(closed.data().get("workspace_id").asString()).isEqualTo(rep.orgId().toString());
    assertThat(events.allMatching(about(id).and(ofType("deal.lost")), Duration.ofMillis(500)))
        .isEmpty();
  }

  @Test
  void losingADealEmitsDealLostAndReopeningItClearsTheClose() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    VectorosClient client = as(rep);
    String id = createdId(client, rep, deal("Umbrella pilot", 7000));

    Response lost = client.patch("/api/v1/deals/" + id, Map.of("stage", "lost"));
    Response reopened = client.patch("/api/v1/deals/" + id, Map.of("stage", "proposal"));

    assertThat(lost.json().get("probability").asInt()).isZero();
    assertThat(lost.json().get("closedAt").isNull()).isFalse();
    assertThat(reopened.json().get("closedAt").isNull()).isTrue();
    assertThat(reopened.json().get("probability").asInt()).isEqualTo(50);
    EventProbe.Received closed = events.await(about(id).and(ofType("deal.lost")), EVENT_WAIT);
    assertThat(closed.data().get("value").decimalValue()).isEqualByComparingTo("7000");
    assertThat(
            events.awaitCount(about(id).and(ofType("deal.stage.changed")), 2, EVENT_WAIT).stream()
                .map(e -> e.data().get("stage").asString()))
        .containsExactly("lost", "proposal");
  }

  @Test
  void aNegativeValueIsRefusedInTheVectorosFormatAndChangesNothing() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    VectorosClient client = as(rep);
    String id = createdId(client, rep, deal("Stays at 100", 100));

    Response refusedCreate = create(client, rep, deal("Negative", -1));
    Response refusedPatch = client.patch("/api/v1/deals/" + id, Map.of("value", -50));

    for (Response refused : List.of(refusedCreate, refusedPatch)) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.json().propertyNames()).containsExactly("error", "code", "details");
      assertThat(refused.json().get("code").asString()).isEqualTo("VALIDATION_ERROR");
      assertThat(refused.json().get("details").get("fields").get("value").asString())
          .isEqualTo("Value must be zero or more");
    }
    JsonNode list = client.get("/api/v1/workspaces/" + rep.orgId() + "/deals").json();
    assertThat(list.get("total").asLong()).isEqualTo(1);
    JsonNode unchanged = client.get("/api/v1/deals/" + id).json();
    assertThat(unchanged.get("value").decimalValue()).isEqualByComparingTo("100");
    assertThat(unchanged.get("version").asLong()).isZero();
  }

  @Test
  void anUnknownStageIsRefusedEverywhereItCanBeGiven() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    VectorosClient client = as(rep);
    String id = createdId(client, rep, deal("Staged", 10));
    Map<String, Object> body = deal("Bad stage", 10);
    body.put("stage", "closed");

    Response onCreate = create(client, rep, body);
    Response onPatch = client.patch("/api/v1/deals/" + id, Map.of("stage", "archived"));
    Response onList = client.get("/api/v1/workspaces/" + rep.orgId() + "/deals?stage=open");

    for (Response refused : List.of(onCreate, onPatch, onList)) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.json().get("details").get("fields").get("stage").asString())
          .isEqualTo("Stage must be one of lead, qualified, proposal, negotiation, won, lost");
    }
    assertThat(client.get("/api/v1/deals/" + id).json().get("stage").asString()).isEqualTo("lead");
    assertThat(
            client.get("/api/v1/workspaces/" + rep.orgId() + "/deals").json().get("total").asLong())
        .isEqualTo(1);
  }

  @Test
  void malformedJsonAnswers400MalformedRequestAndChangesNothing() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    VectorosClient client = as(rep);
    String id = createdId(client, rep, deal("Intact", 10));

    Response onCreate = client.post("/api/v1/workspaces/" + rep.orgId() + "/deals", "{\"title\":");
    Response onPatch = client.patch("/api/v1/deals/" + id, "{\"title\": \"x\",");

    for (Response refused : List.of(onCreate, onPatch)) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.json().get("code").asString()).isEqualTo("MALFORMED_REQUEST");
      assertThat(refused.json().has("error")).isTrue();
      assertThat(refused.json().has("details")).isTrue();
    }
    assertThat(client.get("/api/v1/deals/" + id).json().get("title").asString())
        .isEqualTo("Intact");
  }

  @Test
  void missingFieldsWrongTypesUnknownCurrenciesAndExtraDecimalsAreFieldErrors() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    VectorosClient client = as(rep);
    Map<String, Object> yen = deal("Tokyo", "1000.5");
    yen.put("currency", "JPY");
    Map<String, Object> unknown = deal("Nowhere", 10);
    unknown.put("currency", "ABC");
    unknown.put("probability", 140);

    JsonNode missing = client.post("/api/v1/workspaces/" + rep.orgId() + "/deals", Map.of()).json();
    JsonNode decimals = create(client, rep, yen).json();
    JsonNode currency = create(client, rep, unknown).json();

    assertThat(missing.get("details").get("fields").propertyNames())
        .containsExactlyInAnyOrder("title", "value");
    assertThat(decimals.get("details").get("fields").get("value").asString())
        .isEqualTo("Value has more decimals than JPY allows (0)");
    assertThat(currency.get("details").get("fields").propertyNames())
        .containsExactlyInAnyOrder("currency", "probability");
    assertThat(
            client.get("/api/v1/workspaces/" + rep.orgId() + "/deals").json().get("total").asLong())
        .isZero();
  }

  @Test
  void theListFiltersByStageAndAssigneeAndPagesWithTotals() {
    TestUser admin = TestUsers.inNewOrganization("admin");
    TestUser rep = TestUsers.create(admin.orgId(), "rep");
    VectorosClient client = as(admin);
    Map<String, Object> first = deal("First", 1);
    first.put("assignedTo", rep.id().toString());
    createdId(client, admin, first);
    Map<String, Object> second = deal("Second", 2);
    second.put("stage", "proposal");
    createdId(client, admin, second);
    Map<String, Object> third = deal("Third", 3);
    third.put("stage", "proposal");
    third.put("assignedTo", rep.id().toString());
    createdId(client, admin, third);
    String deals = "/api/v1/workspaces/" + admin.orgId() + "/deals";

    JsonNode page = client.get(deals + "?limit=2").json();
    JsonNode rest = client.get(deals + "?limit=2&offset=2").json();
    JsonNode proposals = client.get(deals + "?stage=proposal").json();
    JsonNode reps = as(rep).get(deals + "?assignedTo=" + rep.id()).json();
    JsonNode both = client.get(deals + "?stage=proposal&assignedTo=" + rep.id()).json();

    assertThat(page.propertyNames()).containsExactly("deals", "total", "limit", "offset");
    assertThat(page.get("total").asLong()).isEqualTo(3);
    assertThat(page.get("limit").asInt()).isEqualTo(2);
    assertThat(titles(page)).containsExactly("Third", "Second");
    assertThat(rest.get("offset").asInt()).isEqualTo(2);
    assertThat(titles(rest)).containsExactly("First");
    assertThat(titles(proposals)).containsExactly("Third", "Second");
    assertThat(titles(reps)).containsExactly("Third", "First");
    assertThat(titles(both)).containsExactly("Third");
    assertThat(both.get("total").asLong()).isEqualTo(1);
  }

  @Test
  void aPageLargerThanOneHundredIsRefused() {
    TestUser rep = TestUsers.inNewOrganization("rep");

    Response refused = as(rep).get("/api/v1/workspaces/" + rep.orgId() + "/deals?limit=101");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("code").asString()).isEqualTo("VALIDATION_ERROR");
    assertThat(refused.json().get("details").get("fields").has("limit")).isTrue();
  }

  @Test
  void anotherOrganizationsDealsAndWorkspaceAnswer404AndStayUntouched() {
    TestUser owner = TestUsers.inNewOrganization("admin");
    TestUser stranger = TestUsers.inNewOrganization("admin");
    String id = createdId(as(owner), owner, deal("Secret deal", 999));
    VectorosClient strangers = as(stranger);

    List<Response> answers =
        List.of(
            strangers.get("/api/v1/deals/" + id),
            strangers.patch("/api/v1/deals/" + id, Map.of("stage", "won")),
            strangers.delete("/api/v1/deals/" + id),
            strangers.get("/api/v1/workspaces/" + owner.orgId() + "/deals"),
            create(strangers, owner, deal("Planted", 1)));

    for (Response answer : answers) {
      assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
      assertThat(answer.json().get("code").asString()).isEqualTo("NOT_FOUND");
      assertThat(answer.body()).doesNotContain("Secret deal");
    }
    JsonNode list = as(owner).get("/api/v1/workspaces/" + owner.orgId() + "/deals").json();
    assertThat(titles(list)).containsExactly("Secret deal");
    assertThat(list.get("deals").get(0).get("stage").asString()).isEqualTo("lead");
  }

  @Test
  void theDemoOrganizationsDealsAreNotVisibleToOtherOrganizations() {
    TestUser stranger = TestUsers.inNewOrganization("admin");
    String demo = KeycloakTokens.DEMO_ORG_ID;
    String id =
        new VectorosClient(baseUrl(), KeycloakTokens.demoRep())
            .post("/api/v1/workspaces/" + demo + "/deals", deal("Demo-only", 5))
            .json()
            .get("id")
            .asString();

    assertThat(as(stranger).get("/api/v1/deals/" + id).status()).isEqualTo(404);
    assertThat(
            new VectorosClient(baseUrl(), KeycloakTokens.demoAdmin())
                .get("/api/v1/deals/" + id)
                .status())
        .isEqualTo(200);
  }

  @Test
  void aChangeBasedOnAStaleVersionIsRefusedWith409() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    VectorosClient client = as(rep);
    String id = createdId(client, rep, deal("Contested", 10));
    client.patch("/api/v1/deals/" + id, Map.of("title", "First writer", "version", 0));

    Response stale =
        client.patch("/api/v1/deals/" + id, Map.of("title", "Second writer", "version", 0));

    assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
    assertThat(stale.json().get("code").asString()).isEqualTo("DEAL_MODIFIED");
    JsonNode now = client.get("/api/v1/deals/" + id).json();
    assertThat(now.get("title").asString()).isEqualTo("First writer");
    assertThat(now.get("version").asLong()).isEqualTo(1);
  }

  @Test
  void concurrentWritersNeverLoseAnUpdateSilently() throws Exception {
    TestUser rep = TestUsers.inNewOrganization("rep");
    VectorosClient client = as(rep);
    String id = createdId(client, rep, deal("Contended", 10));
    int writers = 8;
    List<Integer> statuses;
    try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        int value = 100 + i;
        answers.add(
            pool.submit(
                () -> client.patch("/api/v1/deals/" + id, Map.of("value", value)).status()));
      }
      statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get());
      }
    }

    assertThat(statuses).containsOnly(200, 409).contains(200);
    long written = statuses.stream().filter(s -> s == 200).count();
    assertThat(client.get("/api/v1/deals/" + id).json().get("version").asLong()).isEqualTo(written);
  }

  @Test
  void aPatchChangesOnlyTheFieldsItNamesAndNullClearsOptionalOnes() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    VectorosClient client = as(rep);
    Map<String, Object> body = deal("Partial", 10);
    body.put("contactName", "Keep Me");
    body.put("companyName", "Clear Me");
    body.put("probability", 33);
    String id = createdId(client, rep, body);
    Map<String, Object> patch = new HashMap<>();
    patch.put("companyName", null);
    patch.put("value", 12.5);

    Response patched = client.patch("/api/v1/deals/" + id, patch);
    JsonNode changed = patched.json();
    JsonNode nothing = client.patch("/api/v1/deals/" + id, Map.of()).json();
    JsonNode defaulted = client.patch("/api/v1/deals/" + id, nullValued("probability")).json();
    Response nullTitle = client.patch("/api/v1/deals/" + id, nullValued("title"));

    assertThat(changed.get("contactName").asString()).isEqualTo("Keep Me");
    assertThat(changed.get("companyName").isNull()).isTrue();
    assertThat(patched.body()).contains("\"value\":12.50,");
    assertThat(changed.get("probability").asInt()).isEqualTo(33);
    assertThat(nothing.get("version").asLong()).isEqualTo(changed.get("version").asLong());
    assertThat(nothing.get("updatedAt")).isEqualTo(changed.get("updatedAt"));
    assertThat(defaulted.get("probability").asInt()).isEqualTo(10);
    assertThat(nullTitle.status()).isEqualTo(400);
    assertThat(nullTitle.json().get("details").get("fields").has("title")).isTrue();
  }

  @Test
  void repsCannotDeleteDealsAdminsCan() {
    TestUser admin = TestUsers.inNewOrganization("admin");
    TestUser rep = TestUsers.create(admin.orgId(), "rep");
    String id = createdId(as(rep), admin, deal("Doomed", 10));

    Response byRep = as(rep).delete("/api/v1/deals/" + id);
    int stillThere = as(rep).get("/api/v1/deals/" + id).status();
    Response byAdmin = as(admin).delete("/api/v1/deals/" + id);

    assertThat(byRep.status()).isEqualTo(403);
    assertThat(byRep.json().get("code").asString()).isEqualTo("FORBIDDEN");
    assertThat(stillThere).isEqualTo(200);
    assertThat(byAdmin.status()).isEqualTo(204);
    assertThat(as(admin).get("/api/v1/deals/" + id).status()).isEqualTo(404);
    EventProbe.Received deleted = events.await(about(id).and(ofType("deal.deleted")), EVENT_WAIT);
    assertThat(deleted.data().get("workspace_id").asString()).isEqualTo(admin.orgId().toString());
    assertThat(deleted.data().get("value").decimalValue()).isEqualByComparingTo("10");
    assertThat(events.allMatching(about(id).and(ofType("deal.deleted")), Duration.ofSeconds(1)))
        .as("the refused delete by the rep published nothing")
        .hasSize(1);
  }

  @Test
  void anAdminOfItsCurrentOrganizationIsOnlyARepInAnotherWorkspace() {
    TestUser owner = TestUsers.inNewOrganization("admin");
    UUID home = UUID.randomUUID();
    TestUser visitor = TestUsers.create(home, "admin", Map.of(owner.orgId(), "rep"));
    String id = createdId(as(owner), owner, deal("Not yours to delete", 10));

    Response refused = as(visitor).delete("/api/v1/deals/" + id);

    assertThat(refused.status()).isEqualTo(403);
    assertThat(as(owner).get("/api/v1/deals/" + id).status()).isEqualTo(200);
  }

  @Test
  void anAdminOfTheDealsWorkspaceDeletesItWhileActingForAnotherOrganization() {
    TestUser owner = TestUsers.inNewOrganization("admin");
    TestUser coAdmin = TestUsers.create(UUID.randomUUID(), "rep", Map.of(owner.orgId(), "admin"));
    String id = createdId(as(owner), owner, deal("Co-admin's to delete", 10));

    Response deleted = as(coAdmin).delete("/api/v1/deals/" + id);

    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertThat(as(owner).get("/api/v1/deals/" + id).status()).isEqualTo(404);
  }

  @Test
  void withoutATokenDealsAnswer401InTheVectorosFormat() {
    Response response =
        new VectorosClient(baseUrl(), null)
            .get("/api/v1/workspaces/" + KeycloakTokens.DEMO_ORG_ID + "/deals");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().get("code").asString()).isEqualTo("UNAUTHORIZED");
    assertThat(response.json().has("details")).isTrue();
  }

  private static Map<String, Object> nullValued(String field) {
    Map<String, Object> body = new HashMap<>();
    body.put(field, null);
    return body;
  }

  private static List<String> titles(JsonNode list) {
    return list.get("deals").valueStream().map(d -> d.get("title").asString()).toList();
  }
}
