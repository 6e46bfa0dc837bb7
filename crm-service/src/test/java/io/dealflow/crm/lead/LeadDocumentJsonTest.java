package io.dealflow.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.crm.jsonapi.Document;
import io.dealflow.crm.jsonapi.ListDocument;
import io.dealflow.crm.jsonapi.PageRequest;
import io.dealflow.crm.jsonapi.PaginationMeta;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A lead as the Spotlight seed's JSON:API documents show it. */
@JsonTest
class LeadDocumentJsonTest {

  static final UUID LEAD = UUID.fromString("11111111-2222-3333-4444-555555555555");
  static final UUID ORG = UUID.fromString("66666666-7777-8888-9999-000000000000");
  static final UUID ASSISTANT = UUID.fromString("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
  static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-27T10:30:00Z"), ZoneOffset.UTC);

  @Autowired JsonMapper json;

  static Lead jane(UUID assistant) {
    return new Lead(
        LEAD,
        ORG,
        assistant,
        "Jane Smith",
        "jane@company.com",
        "+1234567890",
        "website",
        LeadStatus.NEW,
        null,
        75,
        75,
        false,
        List.of(
            new Criterion("budget", 20, 20, "Budget of 150000"),
            new Criterion("engagement", 0, 20, "No conversations yet")),
        Map.of("company", "Tech Corp", "industry", "Technology"),
        CREATED,
        CREATED);
  }

  @Test
  void aLeadDocumentHasDataAttributesRelationshipsAndMeta() {
    JsonNode document =
        json.valueToTree(Document.of(LeadController.resource(jane(ASSISTANT)), CLOCK));

    JsonNode data = document.get("data");
    assertThat(data.get("id").asString()).isEqualTo(LEAD.toString());
    assertThat(data.get("type").asString()).isEqualTo("lead");
    JsonNode attributes = data.get("attributes");
    assertThat(attributes.propertyNames())
        .containsSubsequence(
            "name",
            "email",
            "phone",
            "source",
            "status",
            "qualified",
            "score",
            "metadata",
            "created_at",
            "updated_at");
    assertThat(attributes.get("qualified").asBoolean()).isFalse();
    assertThat(attributes.get("score").asInt()).isEqualTo(75);
    assertThat(attributes.get("metadata").get("company").asString()).isEqualTo("Tech Corp");
    assertThat(attributes.get("created_at").asString()).isEqualTo("2025-01-01T00:00:00Z");
    JsonNode breakdown = attributes.get("score_breakdown").get(0);
    assertThat(breakdown.get("criterion").asString()).isEqualTo("budget");
    assertThat(breakdown.get("max_points").asInt()).isEqualTo(20);
    assertThat(data.get("relationships").get("assistant").get("data").get("id").asString())
        .isEqualTo(ASSISTANT.toString());
    assertThat(data.get("relationships").get("assistant").get("data").get("type").asString())
        .isEqualTo("assistant");
    assertThat(document.get("meta").get("timestamp").asString()).isEqualTo("2025-05-27T10:30:00Z");
    assertThat(document.has("included")).isFalse();
  }

  @Test
  void anEmptyToOneRelationshipKeepsItsNullData() {
    JsonNode data =
        json.valueToTree(Document.of(LeadController.resource(jane(null)), CLOCK)).get("data");

    JsonNode assistant = data.get("relationships").get("assistant");
    assertThat(assistant.has("data")).isTrue();
    assertThat(assistant.get("data").isNull()).isTrue();
  }

  @Test
  void aListDocumentCarriesThePaginationMeta() {
    ListDocument list =
        ListDocument.of(
            List.of(LeadController.resource(jane(ASSISTANT))),
            PaginationMeta.of(new PageRequest(2, 50), 500));

    JsonNode pagination = json.valueToTree(list).get("meta").get("pagination");

    assertThat(pagination.propertyNames())
        .containsExactly(
            "current_page", "total_pages", "total_count", "per_page", "prev_page", "next_page");
    assertThat(pagination.get("current_page").asInt()).isEqualTo(2);
    assertThat(pagination.get("total_pages").asInt()).isEqualTo(10);
    assertThat(pagination.get("total_count").asInt()).isEqualTo(500);
    assertThat(pagination.get("prev_page").asInt()).isEqualTo(1);
    assertThat(pagination.get("next_page").asInt()).isEqualTo(3);
  }

  @Test
  void theFirstPagesPrevPageIsNull() {
    JsonNode pagination =
        json.valueToTree(ListDocument.of(List.of(), PaginationMeta.of(new PageRequest(1, 25), 3)))
            .get("meta")
            .get("pagination");

    assertThat(pagination.get("prev_page").isNull()).isTrue();
    assertThat(pagination.get("next_page").isNull()).isTrue();
    assertThat(pagination.get("total_pages").asInt()).isEqualTo(1);
  }
}
