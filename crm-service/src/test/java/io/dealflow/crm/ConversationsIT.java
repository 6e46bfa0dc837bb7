package io.dealflow.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.crm.events.CrmEvents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Conversations and transcripts: computed sentiment, keywords, score and duration, the events they
 * cause (read from Kafka), the lead engagement they feed, filters, bad input and tenancy.
 */
class ConversationsIT extends SpotlightService {

  @Test
  void transcriptsWithoutSentimentOrKeywordsGetThemComputed() {
    UUID conversation = createConversation(admin(), Map.of("source", "phone_call"));

    Api.Response added =
        admin()
            .post(
                "/api/v1/conversations/" + conversation + "/transcripts",
                wrap(
                    "transcript",
                    Map.of(
                        "content",
                        "Pricing looks great, the integration is really helpful.",
                        "speaker",
                        "human",
                        "timestamp",
                        12.5,
                        "confidence",
                        0.9)));

    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    JsonNode attributes = added.attributes();
    assertThat(attributes.get("sentiment").asString()).isEqualTo("positive");
    assertThat(attributes.get("metadata").get("keywords").valueStream().map(JsonNode::asString))
        .containsExactly("pricing", "looks", "great", "integration", "helpful");
    assertThat(attributes.get("timestamp").asDouble()).isEqualTo(12.5);

    JsonNode event = Topics.single(CrmEvents.TRANSCRIPT_ADDED.topic(), conversation);
    assertThat(event.get("transcript_id").asString()).isEqualTo(added.id());
    assertThat(event.get("conversation_id").asString()).isEqualTo(conversation.toString());
    assertThat(event.get("sentiment").asString()).isEqualTo("positive");
    assertThat(event.get("keywords").size()).isEqualTo(5);
  }

  @Test
  void clientGivenSentimentAndKeywordsAreKept() {
    UUID conversation = createConversation(admin(), Map.of());

    Api.Response added =
        admin()
            .post(
                "/api/v1/conversations/" + conversation + "/transcripts",
                wrap(
                    "transcript",
                    Map.of(
                        "content", "Thank you for your time today.",
                        "speaker", "assistant",
                        "sentiment", "neutral",
                        "metadata",
                            Map.of("keywords", List.of("time"), "emotions", List.of("calm")))));

    assertThat(added.attributes().get("sentiment").asString()).isEqualTo("neutral");
    assertThat(added.attributes().get("metadata").get("keywords").get(0).asString())
        .isEqualTo("time");
    assertThat(added.attributes().get("metadata").get("emotions").get(0).asString())
        .isEqualTo("calm");
  }

  @Test
  void getReturnsTheTranscriptsInIncludedInTheOrderTheyWereSaid() {
    UUID conversation = createConversation(admin(), Map.of("source", "phone_call"));
    transcript(conversation, "assistant", "Second line", 5.0);
    transcript(conversation, "assistant", "First line", 0.0);

    Api.Response got = admin().get("/api/v1/conversations/" + conversation);

    assertThat(got.status()).isEqualTo(200);
    JsonNode included = got.json().get("included");
    assertThat(included.valueStream().map(t -> t.get("attributes").get("content").asString()))
        .containsExactly("First line", "Second line");
    assertThat(included.get(0).get("type").asString()).isEqualTo("transcript");
    JsonNode related = got.json().get("data").get("relationships").get("transcripts").get("data");
    assertThat(related.valueStream().map(r -> r.get("id").asString()))
        .containsExactly(
            included.get(0).get("id").asString(), included.get(1).get("id").asString());
    assertThat(related.get(0).get("type").asString()).isEqualTo("transcript");

    Api.Response listed =
        admin().get("/api/v1/conversations/" + conversation + "/transcripts?per_page=1");
    assertThat(listed.json().get("data").get(0).get("attributes").get("content").asString())
        .isEqualTo("First line");
    assertThat(listed.json().get("meta").get("pagination").get("total_count").asInt()).isEqualTo(2);
    assertThat(listed.header("Link")).contains("rel=\"next\"");
  }

  @Test
  void completingComputesScoreSentimentAndDurationAndEmitsConversationCompletedOnce() {
    UUID lead = createLead(admin(), Map.of("name", "Talkative"));
    Instant started = Instant.parse("2025-01-01T10:00:00Z");
    UUID conversation =
        createConversation(
            admin(),
            Map.of(
                "lead_id",
                lead.toString(),
                "source",
                "phone_call",
                "started_at",
                started.toString()));
    transcript(conversation, "assistant", "Hello, how can I help you today?", 0.0);
    transcript(conversation, "human", "We love it and want a demo and pricing.", 4.0);

    Api.Response completed =
        admin()
            .patch(
                "/api/v1/conversations/" + conversation,
                wrap(
                    "conversation",
                    Map.of("status", "completed", "ended_at", "2025-01-01T10:03:00Z")));

    assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
    JsonNode attributes = completed.attributes();
    assertThat(attributes.get("status").asString()).isEqualTo("completed");
    assertThat(attributes.get("sentiment").asString()).isEqualTo("positive");
    assertThat(attributes.get("score").asDouble()).isEqualTo(8.5);
    assertThat(attributes.get("duration").asInt()).isEqualTo(180);

    assertThat(
            admin()
                .patch(
                    "/api/v1/conversations/" + conversation,
                    wrap("conversation", Map.of("metadata", Map.of("call_id", "c-1"))))
                .status())
        .isEqualTo(200);
    JsonNode event = Topics.single(CrmEvents.CONVERSATION_COMPLETED.topic(), conversation);
    assertThat(event.get("conversation_id").asString()).isEqualTo(conversation.toString());
    assertThat(event.get("lead_id").asString()).isEqualTo(lead.toString());
    assertThat(event.get("score").asDouble()).isEqualTo(8.5);
    assertThat(event.get("duration").asInt()).isEqualTo(180);
    assertThat(event.get("sentiment").asString()).isEqualTo("positive");

    JsonNode engagement =
        admin().get("/api/v1/leads/" + lead).attributes().get("score_breakdown").get(4);
    assertThat(engagement.get("criterion").asString()).isEqualTo("engagement");
    assertThat(engagement.get("points").asInt()).isEqualTo(2 + 2 + 5 + 4);
    assertThat(engagement.get("reason").asString())
        .isEqualTo("1 conversation, 1 completed, average score 8.5, 1 of 1 positive");
  }

  @Test
  void aClientScoreAndSentimentAreKeptOnCompletion() {
    UUID conversation = createConversation(admin(), Map.of("source", "phone_call"));
    transcript(conversation, "human", "This is terrible.", 1.0);

    Api.Response completed =
        admin()
            .patch(
                "/api/v1/conversations/" + conversation,
                wrap(
                    "conversation",
                    Map.of(
                        "status",
                        "completed",
                        "score",
                        9.0,
                        "sentiment",
                        "positive",
                        "duration",
                        240)));

    assertThat(completed.attributes().get("score").asDouble()).isEqualTo(9.0);
    assertThat(completed.attributes().get("sentiment").asString()).isEqualTo("positive");
    assertThat(completed.attributes().get("duration").asInt()).isEqualTo(240);
    assertThat(
            Topics.single(CrmEvents.CONVERSATION_COMPLETED.topic(), conversation)
                .get("score")
                .asDouble())
        .isEqualTo(9.0);
  }

  @Test
  void completedConversationsRaiseTheLeadsEngagementUntilItQualifies() {
    UUID lead =
        createLead(
            admin(),
            Map.of(
                "name",
                "Warm Lead",
                "metadata",
                Map.of(
                    "budget",
                    200000,
                    "title",
                    "Head of Sales",
                    "pain_points",
                    List.of("ramp time", "coaching"),
                    "timeline",
                    "next quarter")));
    assertThat(admin().get("/api/v1/leads/" + lead).attributes().get("score").asInt())
        .isEqualTo(60);

    for (int i = 0; i < 2; i++) {
      UUID conversation =
          createConversation(admin(), Map.of("lead_id", lead.toString(), "source", "phone_call"));
      transcript(conversation, "assistant", "Shall we talk next steps?", 0.0);
      transcript(conversation, "human", "Yes, great, send the contract and the quote.", 3.0);
      admin()
          .patch(
              "/api/v1/conversations/" + conversation,
              wrap("conversation", Map.of("status", "completed")));
    }

    JsonNode attributes = admin().get("/api/v1/leads/" + lead).attributes();
    assertThat(attributes.get("score").asInt()).isGreaterThanOrEqualTo(70);
    assertThat(attributes.get("qualified").asBoolean()).isTrue();
    JsonNode qualified = Topics.single(CrmEvents.LEAD_QUALIFIED.topic(), lead);
    assertThat(qualified.get("qualification_criteria").valueStream().map(JsonNode::asString))
        .containsExactly("budget", "authority", "need", "timeline", "engagement");
  }

  @Test
  void everyStatusChangeEmitsConversationStatusChangedOnceWithBothStatuses() {
    UUID lead = createLead(admin(), Map.of("name", "Caller"));
    UUID conversation =
        createConversation(admin(), Map.of("lead_id", lead.toString(), "source", "phone_call"));

    for (String status : List.of("failed", "failed", "in_progress", "completed")) {
      Api.Response changed =
          admin()
              .patch(
                  "/api/v1/conversations/" + conversation,
                  wrap("conversation", Map.of("status", status)));
      assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }
    assertThat(
            admin()
                .patch(
                    "/api/v1/conversations/" + conversation,
                    wrap("conversation", Map.of("metadata", Map.of("call_id", "c-2"))))
                .status())
        .isEqualTo(200);
    transcript(conversation, "human", "Thanks, that was useful.", 2.0);

    List<JsonNode> changes =
        Topics.events(CrmEvents.CONVERSATION_STATUS_CHANGED.topic(), conversation, 3);
    assertThat(changes)
        .extracting(
            e ->
                e.get("data").get("previous_status").asString()
                    + "->"
                    + e.get("data").get("status").asString())
        .containsExactly("in_progress->failed", "failed->in_progress", "in_progress->completed");
    assertThat(changes)
        .allSatisfy(
            e -> {
              assertThat(e.get("data").get("conversation_id").asString())
                  .isEqualTo(conversation.toString());
              assertThat(e.get("data").get("lead_id").asString()).isEqualTo(lead.toString());
            });
    assertThat(Topics.events(CrmEvents.CONVERSATION_COMPLETED.topic(), conversation, 1)).hasSize(1);
  }

  @Test
  void aConversationCreatedWithAStatusEmitsNoStatusChange() {
    UUID created = createConversation(admin(), Map.of("status", "failed"));
    UUID changed = createConversation(admin(), Map.of("status", "failed"));
    admin()
        .patch(
            "/api/v1/conversations/" + changed,
            wrap("conversation", Map.of("status", "in_progress")));

    assertThat(Topics.events(CrmEvents.CONVERSATION_STATUS_CHANGED.topic(), changed, 1)).hasSize(1);
    assertThat(Topics.events(CrmEvents.CONVERSATION_STATUS_CHANGED.topic(), created, 0)).isEmpty();
  }

  @Test
  void filtersNarrowTheList() {
    UUID lead = createLead(admin(), Map.of("name", "Filtered"));
    UUID assistant = createAssistant(admin(), "Caller");
    UUID early =
        createConversation(
            admin(), Map.of("lead_id", lead.toString(), "started_at", "2024-03-01T09:00:00Z"));
    UUID late =
        createConversation(
            admin(),
            Map.of(
                "lead_id", lead.toString(),
                "assistant_id", assistant.toString(),
                "started_at", "2024-03-20T09:00:00Z"));

    assertThat(ids("/api/v1/conversations?lead_id=" + lead)).containsExactlyInAnyOrder(early, late);
    assertThat(ids("/api/v1/conversations?assistant_id=" + assistant)).containsExactly(late);
    assertThat(ids("/api/v1/conversations?lead_id=" + lead + "&date_from=2024-03-10"))
        .containsExactly(late);
    assertThat(ids("/api/v1/conversations?lead_id=" + lead + "&date_to=2024-03-01"))
        .containsExactly(early);
    assertThat(admin().get("/api/v1/conversations?date_from=someday").status()).isEqualTo(400);
  }

  @Test
  void badInputAnswers4xxInTheSpotlightFormatAndChangesNothing() {
    UUID conversation = createConversation(admin(), Map.of("source", "phone_call"));
    long transcriptsBefore = rows("transcripts");
    long conversationsBefore = rows("conversations");

    Api.Response unknownStatus =
        admin()
            .patch(
                "/api/v1/conversations/" + conversation,
                wrap("conversation", Map.of("status", "archived")));
    Api.Response badScore =
        admin().post("/api/v1/conversations", wrap("conversation", Map.of("score", 11)));
    Api.Response blankContent =
        admin()
            .post(
                "/api/v1/conversations/" + conversation + "/transcripts",
                wrap("transcript", Map.of("content", " ", "speaker", "human")));
    Api.Response malformed =
        admin().post("/api/v1/conversations/" + conversation + "/transcripts", "{\"transcript\":");

    assertThat(unknownStatus.status()).isEqualTo(422);
    assertThat(pointer(unknownStatus)).isEqualTo("/data/attributes/status");
    assertThat(badScore.status()).isEqualTo(422);
    assertThat(pointer(badScore)).isEqualTo("/data/attributes/score");
    assertThat(blankContent.status()).isEqualTo(422);
    assertThat(pointer(blankContent)).isEqualTo("/data/attributes/content");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("errors").get(0).get("title").asString())
        .isEqualTo("Bad Request");
    assertThat(rows("transcripts")).isEqualTo(transcriptsBefore);
    assertThat(rows("conversations")).isEqualTo(conversationsBefore);
    assertThat(
            admin()
                .get("/api/v1/conversations/" + conversation)
                .attributes()
                .get("status")
                .asString())
        .isEqualTo("in_progress");
  }

  @Test
  void otherOrganizationsConversationAnswers404AndIsNeverListed() {
    UUID lead = createLead(admin(), Map.of("name", "Ours"));
    UUID conversation = createConversation(admin(), Map.of("lead_id", lead.toString()));
    transcript(conversation, "human", "Confidential", 0.0);
    long transcripts = rows("transcripts");

    assertThat(stranger().get("/api/v1/conversations/" + conversation).status()).isEqualTo(404);
    assertThat(stranger().get("/api/v1/conversations/" + conversation + "/transcripts").status())
        .isEqualTo(404);
    assertThat(
            stranger()
                .post(
                    "/api/v1/conversations/" + conversation + "/transcripts",
                    wrap("transcript", Map.of("content", "Injected", "speaker", "human")))
                .status())
        .isEqualTo(404);
    assertThat(
            stranger()
                .patch(
                    "/api/v1/conversations/" + conversation,
                    wrap("conversation", Map.of("status", "completed")))
                .status())
        .isEqualTo(404);
    assertThat(stranger().delete("/api/v1/conversations/" + conversation).status()).isEqualTo(404);
    assertThat(stranger().get("/api/v1/conversations?lead_id=" + lead).json().get("data").isEmpty())
        .isTrue();
    Api.Response borrowed =
        stranger()
            .post(
                "/api/v1/conversations", wrap("conversation", Map.of("lead_id", lead.toString())));
    assertThat(borrowed.status()).isEqualTo(422);
    assertThat(pointer(borrowed)).isEqualTo("/data/attributes/lead_id");
    assertThat(rows("transcripts")).isEqualTo(transcripts);
    assertThat(
            admin()
                .get("/api/v1/conversations/" + conversation)
                .attributes()
                .get("status")
                .asString())
        .isEqualTo("in_progress");
  }

  @Test
  void deletedConversationTakesItsTranscriptsWithIt() {
    UUID conversation = createConversation(admin(), Map.of());
    transcript(conversation, "human", "Soon gone", 0.0);

    assertThat(admin().delete("/api/v1/conversations/" + conversation).status()).isEqualTo(204);
    assertThat(admin().get("/api/v1/conversations/" + conversation).status()).isEqualTo(404);
    assertThat(
            jdbc.sql("SELECT count(*) FROM transcripts WHERE conversation_id = :id")
                .param("id", conversation)
                .query(Long.class)
                .single())
        .isZero();
  }

  private void transcript(UUID conversation, String speaker, String content, double timestamp) {
    Api.Response added =
        admin()
            .post(
                "/api/v1/conversations/" + conversation + "/transcripts",
                wrap(
                    "transcript",
                    Map.of("content", content, "speaker", speaker, "timestamp", timestamp)));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
  }

  private List<UUID> ids(String path) {
    Api.Response list = admin().get(path);
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    return list.json()
        .get("data")
        .valueStream()
        .map(d -> UUID.fromString(d.get("id").asString()))
        .toList();
  }

  private static String pointer(Api.Response response) {
    return response.json().get("errors").get(0).get("source").get("pointer").asString();
  }
}
