package io.dealflow.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventSchemasTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final EventSchemas schemas = EventSchemas.load();

  private ObjectNode leadQualified() {
    return (ObjectNode)
        JSON.readTree(
            """
            {"specversion":"1.0","id":"0b7c4a52-8d0e-4f36-9a1e-5c2f1d3b4a01",
             "source":"/dealflow/crm-service","type":"lead.qualified",
             "subject":"5d0c6a3e-8f1b-4e2a-9c47-1a2b3c4d5e09","time":"2026-01-01T10:00:00Z",
             "datacontenttype":"application/json","orgid":"7f3c2a10-0d5e-4c8b-9a51-3e6f1d2b4c01",
             "traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
             "data":{"lead_id":"5d0c6a3e-8f1b-4e2a-9c47-1a2b3c4d5e09","score":85,
                     "qualification_criteria":["budget","authority","need"]}}
            """);
  }

  @Test
  void catalogueCoversEveryTopicOnce() {
    assertThat(schemas.types()).contains("lead.qualified", "deal.won", "user.registered");
    assertThat(schemas.topics()).containsExactlyInAnyOrderElementsOf(schemas.types());
  }

  @Test
  void eventMatchingItsSchemaPasses() {
    schemas.assertValid(leadQualified());
  }

  @Test
  void missingFieldWrongTypeAndUnknownFieldAreEachReported() {
    ObjectNode missing = leadQualified();
    ((ObjectNode) missing.get("data")).remove("score");
    ObjectNode wrongType = leadQualified();
    ((ObjectNode) wrongType.get("data")).put("score", "high");
    ObjectNode unknownField = leadQualified();
    ((ObjectNode) unknownField.get("data")).put("leadId", "camelCase is not the wire format");
    ObjectNode badEnvelope = leadQualified();
    badEnvelope.put("specversion", "0.3");

    for (ObjectNode event : new ObjectNode[] {missing, wrongType, unknownField, badEnvelope}) {
      assertThat(schemas.violations(event)).get().asList().isNotEmpty();
      assertThatThrownBy(() -> schemas.assertValid(event))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("does not match");
    }
  }

  @Test
  void eventTypeOutsideTheCatalogueIsNotValid() {
    ObjectNode unknown = leadQualified();
    unknown.put("type", "lead.teleported");

    assertThat(schemas.violations(unknown)).isEmpty();
    assertThatThrownBy(() -> schemas.assertValid(unknown)).hasMessageContaining("not in");
  }
}
