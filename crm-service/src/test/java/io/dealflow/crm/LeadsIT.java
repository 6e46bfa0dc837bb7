package io.dealflow.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.crm.events.CrmEvents;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Leads: CRUD, the computed and explainable score, qualification and its events (read from Kafka),
 * filters, search, sort and pagination, bad input and tenancy.
 */
class LeadsIT extends SpotlightService {

  static final Map<String, Object> STRONG =
      Map.of(
          "company", "Tech Corp",
          "budget", 120000,
          "title", "CEO",
          "pain_points", List.of("slow follow-up", "no call data", "missed demos"),
          "timeline", "this month");

  @Test
  void createdLeadIsScoredFromItsMetadataWithABreakdownAndEmitsLeadCreated() {
    Api.Response created =
        admin()
            .post(
                "/api/v1/leads",
                wrap(
                    "lead",
                    Map.of(
                        "name", "Jane Smith",
                        "email", "jane@company.com",
                        "source", "website",
                        "metadata", Map.of("company", "Tech Corp", "budget", "30k"))));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode attributes = created.attributes();
    assertThat(attributes.get("status").asString()).isEqualTo("new");
    assertThat(attributes.get("score").asInt()).isEqualTo(15);
    assertThat(attributes.get("qualified").asBoolean()).isFalse();
    assertThat(attributes.get("score_override").asBoolean()).isFalse();
    JsonNode budget = attributes.get("score_breakdown").get(0);
    assertThat(budget.get("criterion").asString()).isEqualTo("budget");
    assertThat(budget.get("points").asInt()).isEqualTo(15);
    assertThat(budget.get("reason").asString()).isEqualTo("Budget of 30000");
    assertThat(
            created.json().get("data").get("relationships").get("assistant").get("data").isNull())
        .isTrue();

    JsonNode event = Topics.single(CrmEvents.LEAD_CREATED.topic(), created.uuid());
    assertThat(event.get("lead_id").asString()).isEqualTo(created.id());
    assertThat(event.get("name").asString()).isEqualTo("Jane Smith");
    assertThat(event.get("status").asString()).isEqualTo("new");
    assertThat(event.get("score").asInt()).isEqualTo(15);
  }

  @Test
  void crossingTheThresholdQualifiesOnceWithTheContributingCriteria() {
    UUID lead = createLead(admin(), Map.of("name", "Rising Star", "metadata", Map.of("budget", 1)));

    Api.Response qualified =
        admin().patch("/api/v1/leads/" + lead, wrap("lead", Map.of("metadata", STRONG)));
    assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);
    assertThat(qualified.attributes().get("score").asInt()).isEqualTo(80);
    assertThat(qualified.attributes().get("qualified").asBoolean()).isTrue();
    assertThat(qualified.attributes().get("status").asString()).isEqualTo("qualified");

    Api.Response again =
        admin()
            .patch(
                "/api/v1/leads/" + lead,
                wrap(
                    "lead",
                    Map.of("phone", "+1 555 0100", "metadata", Map.of("industry", "SaaS"))));
    assertThat(again.attributes().get("qualified").asBoolean()).isTrue();

    JsonNode event = Topics.single(CrmEvents.LEAD_QUALIFIED.topic(), lead);
    assertThat(event.get("score").asInt()).isEqualTo(80);
    assertThat(event.get("qualification_criteria").valueStream().map(JsonNode::asString))
        .containsExactly("budget", "authority", "need", "timeline");
    JsonNode moved = Topics.single(CrmEvents.LEAD_STATUS_CHANGED.topic(), lead);
    assertThat(moved.get("previous_status").asString()).isEqualTo("new");
    assertThat(moved.get("status").asString()).isEqualTo("qualified");
  }

  @Test
  void statusChangeToQualifiedQualifiesALowScoringLeadOnce() {
    UUID lead = createLead(admin(), Map.of("name", "Hand Picked"));

    Api.Response changed =
        rep().patch("/api/v1/leads/" + lead + "/status", Map.of("status", "qualified"));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.attributes().get("status").asString()).isEqualTo("qualified");
    assertThat(changed.attributes().get("qualified").asBoolean()).isTrue();
    assertThat(
            rep()
                .patch("/api/v1/leads/" + lead + "/status", Map.of("status", "qualified"))
                .status())
        .isEqualTo(200);
    assertThat(
            rep().patch("/api/v1/leads/" + lead + "/status", Map.of("status", "proposal")).status())
        .isEqualTo(200);

    JsonNode event = Topics.single(CrmEvents.LEAD_QUALIFIED.topic(), lead);
    assertThat(event.get("score").asInt()).isZero();
    assertThat(event.get("qualification_criteria").isEmpty()).isTrue();
    List<JsonNode> changes = Topics.events(CrmEvents.LEAD_STATUS_CHANGED.topic(), lead, 2);
    assertThat(changes)
        .extracting(e -> e.get("data").get("status").asString())
        .containsExactly("qualified", "proposal");
  }

  @Test
  void aScoreThatMovesEmitsLeadScoreChangedOnceWithItsFactors() {
    UUID lead = createLead(admin(), Map.of("name", "Climber", "metadata", Map.of("budget", 10000)));

    Api.Response raised =
        admin()
            .patch(
                "/api/v1/leads/" + lead,
                wrap("lead", Map.of("metadata", Map.of("budget", 120000, "title", "CEO"))));
    assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
    assertThat(raised.attributes().get("score").asInt()).isEqualTo(40);
    Api.Response same =
        admin()
            .patch(
                "/api/v1/leads/" + lead,
                wrap("lead", Map.of("phone", "+1 555 0101", "metadata", Map.of("industry", "AI"))));
    assertThat(same.attributes().get("score").asInt()).isEqualTo(40);
    assertThat(
            rep().patch("/api/v1/leads/" + lead + "/status", Map.of("status", "proposal")).status())
        .isEqualTo(200);

    JsonNode changed = Topics.single(CrmEvents.LEAD_SCORE_CHANGED.topic(), lead);
    assertThat(changed.get("lead_id").asString()).isEqualTo(lead.toString());
    assertThat(changed.get("previous_score").asInt()).isEqualTo(10);
    assertThat(changed.get("score").asInt()).isEqualTo(40);
    assertThat(changed.get("factors").valueStream().map(f -> f.get("criterion").asString()))
        .containsExactly("budget", "authority", "need", "timeline", "engagement");
    JsonNode budget = changed.get("factors").get(0);
    assertThat(budget.get("points").asInt()).isEqualTo(20);
    assertThat(budget.get("max_points").asInt()).isEqualTo(20);
    assertThat(budget.get("reason").asString()).isEqualTo("Budget of 120000");
    assertThat(changed.get("factors").get(1).get("points").asInt()).isEqualTo(20);
  }

  @Test
  void aNewLeadAndAChangeThatKeepsTheScoreEmitNoScoreChange() {
    UUID lead = createLead(admin(), Map.of("name", "Steady", "metadata", Map.of("budget", 10000)));
    admin().patch("/api/v1/leads/" + lead, wrap("lead", Map.of("email", "steady@example.com")));
    UUID moved = createLead(admin(), Map.of("name", "Mover"));
    admin().patch("/api/v1/leads/" + moved, wrap("lead", Map.of("score", 55)));

    assertThat(Topics.single(CrmEvents.LEAD_SCORE_CHANGED.topic(), moved).get("score").asInt())
        .isEqualTo(55);
    assertThat(Topics.events(CrmEvents.LEAD_SCORE_CHANGED.topic(), lead, 0)).isEmpty();
  }

  @Test
  void aClientScoreOverridesTheComputedOneUntilWithdrawn() {
    UUID lead =
        createLead(admin(), Map.of("name", "Override", "metadata", Map.of("budget", 10000)));

    Api.Response manual =
        admin()
            .patch(
                "/api/v1/leads/" + lead,
                wrap("lead", Map.of("status", "qualified", "qualified", true, "score", 85)));
    assertThat(manual.attributes().get("score").asInt()).isEqualTo(85);
    assertThat(manual.attributes().get("computed_score").asInt()).isEqualTo(10);
    assertThat(manual.attributes().get("score_override").asBoolean()).isTrue();

    Api.Response again =
        admin()
            .patch("/api/v1/leads/" + lead, wrap("lead", Map.of("qualified", true, "score", 90)));
    assertThat(again.attributes().get("score").asInt()).isEqualTo(90);

    Api.Response computed =
        admin().patch("/api/v1/leads/" + lead, wrap("lead", Map.of("score_override", false)));
    assertThat(computed.attributes().get("score").asInt()).isEqualTo(10);
    assertThat(computed.attributes().get("score_override").asBoolean()).isFalse();

    assertThat(Topics.single(CrmEvents.LEAD_QUALIFIED.topic(), lead).get("score").asInt())
        .isEqualTo(85);
  }

  @Test
  void unknownStatusAnswers422PointingAtStatusAndChangesNothing() {
    UUID lead = createLead(admin(), Map.of("name", "Steady"));

    Api.Response viaStatus =
        admin().patch("/api/v1/leads/" + lead + "/status", Map.of("status", "won"));
    Api.Response viaLead =
        admin().patch("/api/v1/leads/" + lead, wrap("lead", Map.of("status", "won", "name", "X")));

    for (Api.Response refused : List.of(viaStatus, viaLead)) {
      assertThat(refused.status()).isEqualTo(422);
      JsonNode error = refused.json().get("errors").get(0);
      assertThat(error.get("source").get("pointer").asString())
          .isEqualTo("/data/attributes/status");
      assertThat(error.get("detail").asString()).contains("new, qualified, proposal, closed");
    }
    JsonNode stored = admin().get("/api/v1/leads/" + lead).attributes();
    assertThat(stored.get("status").asString()).isEqualTo("new");
    assertThat(stored.get("name").asString()).isEqualTo("Steady");
  }

  @Test
  void invalidAttributesAnswer422EachPointingAtItsAttributeAndStoreNothing() {
    long before = rows("leads");

    Api.Response refused =
        admin()
            .post(
                "/api/v1/leads",
                wrap(
                    "lead",
                    Map.of(
                        "email",
                        "not-an-email",
                        "score",
                        150,
                        "assistant_id",
                        UUID.randomUUID().toString())));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(
            refused
                .json()
                .get("errors")
                .valueStream()
                .map(e -> e.get("source").get("pointer").asString()))
        .contains("/data/attributes/email", "/data/attributes/score");
    assertThat(rows("leads")).isEqualTo(before);

    Api.Response unknownAssistant =
        admin()
            .post(
                "/api/v1/leads",
                wrap(
                    "lead",
                    Map.of("name", "Orphan", "assistant_id", UUID.randomUUID().toString())));
    assertThat(unknownAssistant.status()).isEqualTo(422);
    assertThat(unknownAssistant.json().get("errors").get(0).get("source").get("pointer").asString())
        .isEqualTo("/data/attributes/assistant_id");
    assertThat(rows("leads")).isEqualTo(before);
  }

  @Test
  void unknownStatusFilterAnswers400NamingTheParameter() {
    Api.Response refused = admin().get("/api/v1/leads?status=won");

    assertThat(refused.status()).isEqualTo(400);
    JsonNode error = refused.json().get("errors").get(0);
    assertThat(error.get("status").asString()).isEqualTo("400");
    assertThat(error.get("meta").get("parameter").asString()).isEqualTo("status");
  }

  @Test
  void filtersSearchAndSortNarrowAndOrderTheList() {
    String source = "it-" + UUID.randomUUID();
    UUID assistant = createAssistant(admin(), "Filter Bot");
    createLead(
        admin(),
        Map.of(
            "name",
            "Alice Anders",
            "email",
            "alice@alpha.io",
            "source",
            source,
            "assistant_id",
            assistant.toString(),
            "metadata",
            Map.of("company", "Umbrella Corp")));
    createLead(
        admin(),
        Map.of(
            "name",
            "Bob Brown",
            "email",
            "bob@beta.io",
            "source",
            source,
            "metadata",
            Map.of("company", "Alpha Widgets")));
    createLead(admin(), Map.of("name", "Carol Chen", "email", "carol@gamma.io", "source", source));

    assertThat(names("/api/v1/leads?source=" + source + "&sort=name&order=desc"))
        .containsExactly("Carol Chen", "Bob Brown", "Alice Anders");
    assertThat(names("/api/v1/leads?source=" + source + "&assistant_id=" + assistant))
        .containsExactly("Alice Anders");
    assertThat(names("/api/v1/leads?source=" + source + "&search=alpha&sort=name"))
        .containsExactly("Alice Anders", "Bob Brown");
    assertThat(names("/api/v1/leads?source=" + source + "&search=alpha&search_fields=company"))
        .containsExactly("Bob Brown");
    assertThat(names("/api/v1/leads?source=" + source + "&search=ALICE&search_fields=name,email"))
        .containsExactly("Alice Anders");
    assertThat(names("/api/v1/leads?source=" + source + "&status=qualified")).isEmpty();
    assertThat(names("/api/v1/leads?source=" + source + "&created_after=2999-01-01")).isEmpty();
    assertThat(names("/api/v1/leads?source=" + source + "&created_after=2020-01-01")).hasSize(3);
    assertThat(admin().get("/api/v1/leads?sort=password").status()).isEqualTo(400);
    assertThat(admin().get("/api/v1/leads?search_fields=phone&search=1").status()).isEqualTo(400);
  }

  @Test
  void listsArePagedWithPaginationMetaAndLinkHeaders() {
    String source = "it-" + UUID.randomUUID();
    for (int i = 1; i <= 5; i++) {
      createLead(admin(), Map.of("name", "Paged " + i, "source", source));
    }

    Api.Response second =
        admin().get("/api/v1/leads?source=" + source + "&sort=name&page=2&per_page=2");

    assertThat(second.status()).isEqualTo(200);
    assertThat(
            second
                .json()
                .get("data")
                .valueStream()
                .map(d -> d.get("attributes").get("name").asString()))
        .containsExactly("Paged 3", "Paged 4");
    JsonNode pagination = second.json().get("meta").get("pagination");
    assertThat(pagination.get("current_page").asInt()).isEqualTo(2);
    assertThat(pagination.get("total_pages").asInt()).isEqualTo(3);
    assertThat(pagination.get("total_count").asInt()).isEqualTo(5);
    assertThat(pagination.get("per_page").asInt()).isEqualTo(2);
    assertThat(pagination.get("prev_page").asInt()).isEqualTo(1);
    assertThat(pagination.get("next_page").asInt()).isEqualTo(3);
    String base = baseUrl() + "/api/v1/leads?source=" + source + "&sort=name";
    assertThat(second.header("Link"))
        .isEqualTo(
            "<"
                + base
                + "&page=1&per_page=2>; rel=\"first\", "
                + "<"
                + base
                + "&page=1&per_page=2>; rel=\"prev\", "
                + "<"
                + base
                + "&page=3&per_page=2>; rel=\"next\", "
                + "<"
                + base
                + "&page=3&per_page=2>; rel=\"last\"");

    Api.Response capped = admin().get("/api/v1/leads?source=" + source + "&per_page=1000");
    assertThat(capped.json().get("meta").get("pagination").get("per_page").asInt()).isEqualTo(100);
    assertThat(admin().get("/api/v1/leads?page=0").status()).isEqualTo(400);
    assertThat(admin().get("/api/v1/leads?per_page=abc").status()).isEqualTo(400);
  }

  @Test
  void linksNameTheHostTheClientCalledThroughTheGateway() {
    Api.Response forwarded =
        admin()
            .send(
                "GET",
                "/api/v1/leads?per_page=1",
                null,
                Map.of("X-Forwarded-Host", "api.dealflow.example", "X-Forwarded-Proto", "https"));

    assertThat(forwarded.header("Link"))
        .startsWith("<https://api.dealflow.example/api/v1/leads?page=1&per_page=1>; rel=\"first\"");
  }

  @Test
  void otherOrganizationsLeadAnswers404AndIsNeverListed() {
    UUID lead = createLead(admin(), Map.of("name", "Private Lead", "source", "secret-source"));

    assertThat(stranger().get("/api/v1/leads/" + lead).status()).isEqualTo(404);
    assertThat(
            stranger()
                .patch("/api/v1/leads/" + lead, wrap("lead", Map.of("name", "Mine")))
                .status())
        .isEqualTo(404);
    assertThat(
            stranger()
                .patch("/api/v1/leads/" + lead + "/status", Map.of("status", "closed"))
                .status())
        .isEqualTo(404);
    assertThat(stranger().delete("/api/v1/leads/" + lead).status()).isEqualTo(404);
    assertThat(stranger().get("/api/v1/leads?source=secret-source").json().get("data").isEmpty())
        .isTrue();
    JsonNode untouched = admin().get("/api/v1/leads/" + lead).attributes();
    assertThat(untouched.get("name").asString()).isEqualTo("Private Lead");
    assertThat(untouched.get("status").asString()).isEqualTo("new");
  }

  @Test
  void deletedLeadIsGone() {
    UUID lead = createLead(admin(), Map.of("name", "Temporary"));

    assertThat(admin().delete("/api/v1/leads/" + lead).status()).isEqualTo(204);
    assertThat(admin().get("/api/v1/leads/" + lead).status()).isEqualTo(404);
  }

  private List<String> names(String path) {
    Api.Response list = admin().get(path);
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    return list.json()
        .get("data")
        .valueStream()
        .map(d -> d.get("attributes").get("name").asString())
        .toList();
  }
}
