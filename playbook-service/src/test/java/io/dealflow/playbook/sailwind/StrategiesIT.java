package io.dealflow.playbook.sailwind;

import static io.dealflow.platform.test.EventProbe.about;
import static io.dealflow.platform.test.EventProbe.ofType;
import static io.dealflow.playbook.sailwind.CatalogueIT.assertHelloSalesError;
import static io.dealflow.playbook.sailwind.CatalogueIT.created;
import static io.dealflow.playbook.sailwind.CatalogueIT.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.EventProbe;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import io.dealflow.playbook.RunningPlaybookService;
import io.dealflow.playbook.Sailwind;
import io.dealflow.playbook.Sailwind.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sailwind strategies: wire format, the status moves, archiving, strategy.approved, tenancy. */
class StrategiesIT extends RunningPlaybookService {

  private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
  private static EventProbe events;

  @BeforeAll
  static void listen() {
    events = new EventProbe(Devstack.kafka().bootstrapServers(), List.of("strategy.approved"));
  }

  @AfterAll
  static void stopListening() {
    events.close();
  }

  /** A product and a client of the user's organization, and a strategy for them. */
  record Setup(Sailwind sailwind, String productId, String clientId) {

    Response strategy(String text, String status) {
      Map<String, Object> body = new HashMap<>();
      body.put("productId", productId);
      body.put("clientId", clientId);
      body.put("strategyText", text);
      body.put("status", status);
      return sailwind.post("/strategies", body);
    }
  }

  Setup setup(TestUser user) {
    Sailwind sailwind = as(user);
    return new Setup(
        sailwind,
        created(sailwind.post("/products", Map.of("name", "Enterprise Plan"))),
        created(sailwind.post("/clients", Map.of("name", "Acme Inc"))));
  }

  @Test
  void aDraftStrategyReadsBackInTheHelloSalesShape() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    Setup setup = setup(rep);

    Response created = setup.strategy("Focus on pain points", "draft");

    String id = created(created);
    JsonNode json = created.json();
    assertThat(json.propertyNames())
        .containsExactlyInAnyOrder(
            "id",
            "productId",
            "clientId",
            "strategyText",
            "status",
            "organizationId",
            "createdAt",
            "updatedAt",
            "archived");
    assertThat(json.get("productId").asString()).isEqualTo(setup.productId());
    assertThat(json.get("clientId").asString()).isEqualTo(setup.clientId());
    assertThat(json.get("strategyText").asString()).isEqualTo("Focus on pain points");
    assertThat(json.get("status").asString()).isEqualTo("draft");
    assertThat(json.get("organizationId").asString()).isEqualTo(rep.orgId().toString());
    assertThat(json.get("archived").asBoolean()).isFalse();
    assertThat(setup.sailwind().get("/strategies/" + id).json()).isEqualTo(json);
    assertThat(setup.sailwind().get("/strategies").json().get(0)).isEqualTo(json);
    assertThat(events.allMatching(about(id), Duration.ofMillis(500))).isEmpty();
  }

  @Test
  void approvingADraftEmitsStrategyApprovedOnce() {
    TestUser admin = TestUsers.inNewOrganization("admin");
    Setup setup = setup(admin);
    String id = created(setup.strategy("Lead with the forecast miss", "draft"));

    Response approved = setup.sailwind().patch("/strategies/" + id, Map.of("status", "approved"));
    Response again = setup.sailwind().patch("/strategies/" + id, Map.of("status", "approved"));

    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(approved.json().get("status").asString()).isEqualTo("approved");
    assertThat(again.status()).isEqualTo(200);
    EventProbe.Received event =
        events.await(about(id).and(ofType("strategy.approved")), EVENT_WAIT);
    assertThat(event.envelope().get("orgid").asString()).isEqualTo(admin.orgId().toString());
    assertThat(event.envelope().get("source").asString()).isEqualTo("/dealflow/playbook-service");
    assertThat(event.data().get("strategy_id").asString()).isEqualTo(id);
    assertThat(event.data().get("product_id").asString()).isEqualTo(setup.productId());
    assertThat(event.data().get("client_id").asString()).isEqualTo(setup.clientId());
    assertThat(event.data().get("approved_by").asString()).isEqualTo(admin.id().toString());
    assertThat(events.allMatching(about(id), Duration.ofMillis(1500))).hasSize(1);
  }

  @Test
  void aStrategyCreatedApprovedEmitsStrategyApproved() {
    TestUser admin = TestUsers.inNewOrganization("admin");
    String id = created(setup(admin).strategy("Sell the pilot", "approved"));

    EventProbe.Received event =
        events.await(about(id).and(ofType("strategy.approved")), EVENT_WAIT);

    assertThat(event.key()).isEqualTo(id);
  }

  @Test
  void statusMovesForwardOnlyAndIllegalMovesAnswer400() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    Setup setup = setup(rep);
    Sailwind sailwind = setup.sailwind();
    String approved = created(setup.strategy("Approved one", "approved"));
    String archived = created(setup.strategy("Archived one", "draft"));
    assertThat(sailwind.patch("/strategies/" + archived, Map.of("status", "archived")).status())
        .isEqualTo(200);

    assertHelloSalesError(
        sailwind.patch("/strategies/" + approved, Map.of("status", "draft")),
        400,
        "INVALID_STATUS_TRANSITION");
    for (String status : List.of("draft", "approved")) {
      assertHelloSalesError(
          sailwind.patch("/strategies/" + archived, Map.of("status", status)),
          400,
          "INVALID_STATUS_TRANSITION");
    }
    assertHelloSalesError(
        sailwind.patch("/strategies/" + archived, Map.of("archived", false)),
        400,
        "INVALID_STATUS_TRANSITION");
    assertHelloSalesError(
        sailwind.patch("/strategies/" + archived, Map.of("strategyText", "Rewritten")),
        400,
        "STRATEGY_ARCHIVED");
    assertHelloSalesError(
        sailwind.patch("/strategies/" + approved, Map.of("status", "won")),
        400,
        "VALIDATION_ERROR");
    assertHelloSalesError(
        sailwind.patch("/strategies/" + approved, Map.of("status", "approved", "archived", true)),
        400,
        "VALIDATION_ERROR");
    assertHelloSalesError(setup.strategy("Born archived", "archived"), 400, "VALIDATION_ERROR");
    assertThat(sailwind.get("/strategies/" + approved).json().get("status").asString())
        .isEqualTo("approved");
    assertThat(sailwind.get("/strategies/" + archived).json().get("status").asString())
        .isEqualTo("archived");
  }

  @Test
  void archivingHidesAStrategyFromTheListButNotFromIncludeArchivedOrItsId() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    Setup setup = setup(rep);
    Sailwind sailwind = setup.sailwind();
    String kept = created(setup.strategy("Kept", "draft"));
    String byDelete = created(setup.strategy("Deleted", "approved"));
    String byPatch = created(setup.strategy("Patched", "draft"));

    Response deleted = sailwind.delete("/strategies/" + byDelete);
    Response patched = sailwind.patch("/strategies/" + byPatch, Map.of("archived", true));

    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertThat(patched.json().get("status").asString()).isEqualTo("archived");
    assertThat(patched.json().get("archived").asBoolean()).isTrue();
    assertThat(ids(sailwind.get("/strategies"))).containsExactly(kept);
    assertThat(ids(sailwind.get("/strategies?include_archived=true")))
        .containsExactly(kept, byDelete, byPatch);
    JsonNode archived = sailwind.get("/strategies/" + byDelete).json();
    assertThat(archived.get("status").asString()).isEqualTo("archived");
    assertThat(archived.get("archived").asBoolean()).isTrue();
  }

  @Test
  void aStrategyNeedsAProductAndClientOfTheOrganizationThatAreNotArchived() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    TestUser other = TestUsers.inNewOrganization("rep");
    Setup mine = setup(rep);
    Setup theirs = setup(other);

    assertHelloSalesError(
        new Setup(mine.sailwind(), theirs.productId(), mine.clientId()).strategy("X", "draft"),
        404,
        "NOT_FOUND");
    assertHelloSalesError(
        new Setup(mine.sailwind(), mine.productId(), theirs.clientId()).strategy("X", "draft"),
        404,
        "NOT_FOUND");
    assertHelloSalesError(
        new Setup(mine.sailwind(), mine.productId(), UUID.randomUUID().toString())
            .strategy("X", "draft"),
        404,
        "NOT_FOUND");
    mine.sailwind().delete("/products/" + mine.productId());
    Response archivedProduct = mine.strategy("X", "draft");
    assertHelloSalesError(archivedProduct, 400, "VALIDATION_ERROR");
    assertThat(archivedProduct.json().get("detail").get("fields").toString()).contains("productId");
    assertHelloSalesError(
        mine.sailwind().post("/strategies", Map.of("productId", mine.productId())),
        400,
        "VALIDATION_ERROR");
    assertThat(mine.sailwind().get("/strategies?include_archived=true").json().size()).isZero();
  }

  @Test
  void anotherOrganizationsStrategyAnswers404() {
    TestUser owner = TestUsers.inNewOrganization("admin");
    TestUser other = TestUsers.inNewOrganization("admin");
    String id = created(setup(owner).strategy("Owner's plan", "draft"));
    Sailwind intruder = as(other);

    assertHelloSalesError(intruder.get("/strategies/" + id), 404, "NOT_FOUND");
    assertHelloSalesError(
        intruder.patch("/strategies/" + id, Map.of("status", "approved")), 404, "NOT_FOUND");
    assertHelloSalesError(intruder.delete("/strategies/" + id), 404, "NOT_FOUND");
    assertThat(intruder.get("/strategies?include_archived=true").json().size()).isZero();
    assertThat(as(owner).get("/strategies/" + id).json().get("status").asString())
        .isEqualTo("draft");
  }
}
