package io.dealflow.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Assistants CRUD in the JSON:API format, their validation and their tenancy. */
class AssistantsIT extends SpotlightService {

  @Test
  void createdAssistantIsAJsonApiResourceWithItsVoiceSettingsAndCreator() {
    Api.Response created =
        admin()
            .post(
                "/api/v1/assistants",
                wrap(
                    "assistant",
                    Map.of(
                        "name", "Sales Assistant",
                        "tone", "professional",
                        "role", "sales_rep",
                        "script", "Hello, I'm calling about...",
                        "voice_settings",
                            Map.of(
                                "voice_id", "eleven_labs_voice_id", "speed", 1.0, "pitch", 1.2))));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/v1/assistants/" + created.id());
    JsonNode data = created.json().get("data");
    assertThat(data.get("type").asString()).isEqualTo("assistant");
    JsonNode attributes = data.get("attributes");
    assertThat(attributes.get("name").asString()).isEqualTo("Sales Assistant");
    assertThat(attributes.get("voice_settings").get("voice_id").asString())
        .isEqualTo("eleven_labs_voice_id");
    assertThat(attributes.get("voice_settings").get("pitch").asDouble()).isEqualTo(1.2);
    assertThat(attributes.get("created_at").asString()).isNotBlank();
    assertThat(data.get("relationships").get("user").get("data").get("type").asString())
        .isEqualTo("user");
    assertThat(created.json().get("meta").get("timestamp").asString()).isNotBlank();

    Api.Response fetched = rep().get("/api/v1/assistants/" + created.id());
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.attributes().get("script").asString())
        .isEqualTo("Hello, I'm calling about...");
  }

  @Test
  void patchChangesOnlyTheGivenAttributesAndMergesVoiceSettings() {
    Api.Response created =
        admin()
            .post(
                "/api/v1/assistants",
                wrap(
                    "assistant",
                    Map.of(
                        "name", "Before",
                        "tone", "friendly",
                        "voice_settings", Map.of("voice_id", "v1", "speed", 1.0))));
    String path = "/api/v1/assistants/" + created.id();

    Api.Response patched =
        admin()
            .patch(
                path,
                wrap("assistant", Map.of("name", "After", "voice_settings", Map.of("speed", 1.5))));

    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.attributes().get("name").asString()).isEqualTo("After");
    assertThat(patched.attributes().get("tone").asString()).isEqualTo("friendly");
    assertThat(patched.attributes().get("voice_settings").get("voice_id").asString())
        .isEqualTo("v1");
    assertThat(patched.attributes().get("voice_settings").get("speed").asDouble()).isEqualTo(1.5);
  }

  @Test
  void deletedAssistantIsGone() {
    UUID id = createAssistant(admin(), "Short-lived");

    assertThat(admin().delete("/api/v1/assistants/" + id).status()).isEqualTo(204);
    assertThat(admin().get("/api/v1/assistants/" + id).status()).isEqualTo(404);
  }

  @Test
  void voiceSettingsOutOfRangeAnswer422PointingAtVoiceSettingsAndStoreNothing() {
    long before = rows("assistants");

    Api.Response refused =
        admin()
            .post(
                "/api/v1/assistants",
                wrap(
                    "assistant",
                    Map.of("name", "Too fast", "voice_settings", Map.of("speed", 9.0))));

    assertThat(refused.status()).isEqualTo(422);
    JsonNode error = refused.json().get("errors").get(0);
    assertThat(error.get("status").asString()).isEqualTo("422");
    assertThat(error.get("title").asString()).isEqualTo("Validation Error");
    assertThat(error.get("source").get("pointer").asString())
        .isEqualTo("/data/attributes/voice_settings/speed");
    assertThat(error.get("detail").asString()).contains("speed");
    assertThat(rows("assistants")).isEqualTo(before);
  }

  @Test
  void missingNameAnswers422PointingAtName() {
    Api.Response refused =
        admin().post("/api/v1/assistants", wrap("assistant", Map.of("tone", "calm")));

    assertThat(refused.status()).isEqualTo(422);
    JsonNode error = refused.json().get("errors").get(0);
    assertThat(error.get("source").get("pointer").asString()).isEqualTo("/data/attributes/name");
    assertThat(error.get("detail").asString()).isEqualTo("Name can't be blank");
  }

  @Test
  void blankNameAnswers422WithTheRailsStyleMessage() {
    Api.Response refused =
        admin().post("/api/v1/assistants", wrap("assistant", Map.of("name", "  ")));

    assertThat(refused.status()).isEqualTo(422);
    JsonNode error = refused.json().get("errors").get(0);
    assertThat(error.get("source").get("pointer").asString()).isEqualTo("/data/attributes/name");
    assertThat(error.get("detail").asString()).isEqualTo("Name can't be blank");
    assertThat(error.get("meta").get("code").asString()).isEqualTo("invalid");
  }

  @Test
  void malformedJsonAnswers400InTheSpotlightFormatAndStoresNothing() {
    long before = rows("assistants");

    Api.Response refused = admin().post("/api/v1/assistants", "{\"assistant\": {\"name\": ");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").get(0).get("status").asString()).isEqualTo("400");
    assertThat(rows("assistants")).isEqualTo(before);
  }

  @Test
  void otherOrganizationsAssistantAnswers404AndIsNeverListed() {
    UUID id = createAssistant(admin(), "Demo only");

    assertThat(stranger().get("/api/v1/assistants/" + id).status()).isEqualTo(404);
    assertThat(
            stranger()
                .patch("/api/v1/assistants/" + id, wrap("assistant", Map.of("name", "Mine")))
                .status())
        .isEqualTo(404);
    assertThat(stranger().delete("/api/v1/assistants/" + id).status()).isEqualTo(404);
    JsonNode strangers = stranger().get("/api/v1/assistants?per_page=100").json().get("data");
    assertThat(strangers.valueStream().map(a -> a.get("id").asString()))
        .doesNotContain(id.toString());
    assertThat(admin().get("/api/v1/assistants/" + id).attributes().get("name").asString())
        .isEqualTo("Demo only");
  }

  @Test
  void noTokenAnswers401InTheSpotlightFormat() {
    Api.Response refused = anonymous().get("/api/v1/assistants");

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().get("errors").get(0).get("title").asString())
        .isEqualTo("Authentication Error");
  }
}
