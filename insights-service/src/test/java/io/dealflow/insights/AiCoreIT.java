package io.dealflow.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.ApiClient.Response;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The VectorOS AI core: {@code POST /api/v1/insights} on the seed's own figures, and {@code POST
 * /api/v1/chat} answering from a workspace's pipeline as crm's events built it.
 */
class AiCoreIT extends RunningInsightsService {

  private final Instant now = Instant.now();

  @Test
  void theSeedsDealFiguresGiveItsInsightAndRecommendation() {
    TestUser member = TestUsers.inNewOrganization("rep");
    Response answer =
        generate(
            as(member),
            member.orgId(),
            "deals",
            Map.of(
                "total_deals", 45,
                "won_deals", 12,
                "lost_deals", 8,
                "in_progress", 25,
                "average_deal_value", 15000,
                "conversion_rate", 0.27));
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(answer.json().get("insights")).hasSize(1);
    JsonNode insight = answer.json().get("insights").get(0);
    assertThat(insight.get("title").asString()).isEqualTo("Conversion Rate Below Industry Average");
    assertThat(insight.get("description").asString()).contains("27%", "35%");
    assertThat(insight.get("priority").asString()).isEqualTo("high");
    assertThat(insight.get("confidence").asDouble()).isEqualTo(0.95);
    assertThat(answer.json().get("recommendations").get(0).get("title").asString())
        .isEqualTo("Implement Lead Scoring");
  }

  @Test
  void badFiguresAreRefusedFieldByFieldAndAnotherWorkspaceIs404() {
    TestUser member = TestUsers.inNewOrganization("rep");
    Response unknown = generate(as(member), member.orgId(), "weather", Map.of());
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("code").asString()).isEqualTo("VALIDATION_ERROR");
    assertThat(unknown.json().get("details").get("fields").has("data_type")).isTrue();
    Response inconsistent =
        generate(
            as(member),
            member.orgId(),
            "deals",
            Map.of("total_deals", 5, "won_deals", 4, "lost_deals", 4));
    assertThat(inconsistent.status()).isEqualTo(400);
    assertThat(inconsistent.json().get("details").get("fields").has("data.total_deals")).isTrue();
    Response outOfRange =
        generate(
            as(member),
            member.orgId(),
            "deals",
            Map.of("total_deals", 5, "won_deals", 1, "conversion_rate", 3));
    assertThat(outOfRange.status()).isEqualTo(400);
    assertThat(outOfRange.json().get("details").get("fields").has("data.conversion_rate")).isTrue();
    TestUser stranger = TestUsers.inNewOrganization("admin");
    Response elsewhere =
        generate(as(stranger), member.orgId(), "deals", Map.of("total_deals", 5, "won_deals", 1));
    assertThat(elsewhere.status()).isEqualTo(404);
    Response chat =
        as(stranger)
            .post(
                "/chat",
                Map.of(
                    "message",
                    "What is our win rate?",
                    "context",
                    Map.of("workspace_id", member.orgId())));
    assertThat(chat.status()).isEqualTo(404);
    assertThat(chat.json().get("code").asString()).isEqualTo("NOT_FOUND");
    Response empty =
        as(member)
            .post(
                "/chat", Map.of("message", " ", "context", Map.of("workspace_id", member.orgId())));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("details").get("fields").has("message")).isTrue();
  }

  @Test
  void chatAnswersWithTheWorkspacesOwnNumbersAndSaysWhatItCannotTell() {
    TestUser member = TestUsers.inNewOrganization("rep");
    ApiClient client = as(member);
    CrmDeals crm = CrmDeals.of(member.orgId());
    // This quarter (seconds ago, whatever the day): 2 won, 1 lost. A proposal untouched for 20
    // days: stalled.
    crm.path(UUID.randomUUID(), 3_000, new String[] {"lead", "won"}, secondsAgo(6, 2));
    crm.path(UUID.randomUUID(), 4_000, new String[] {"qualified", "won"}, secondsAgo(5, 1));
    crm.path(UUID.randomUUID(), 2_500, new String[] {"lead", "lost"}, secondsAgo(4, 1));
    crm.path(UUID.randomUUID(), 9_000, new String[] {"proposal"}, new Instant[] {daysAgo(20)});

    JsonNode winRate = await(client, member.orgId(), "What is our win rate this quarter?", "2 won");
    assertThat(winRate.get("response").asString())
        .isEqualTo("Your win rate this quarter is 67%: 2 won and 1 lost.");
    assertThat(winRate.get("confidence").asDouble()).isEqualTo(0.7);

    JsonNode stalled = await(client, member.orgId(), "Which deals are stalled?", "Deal 9000");
    assertThat(stalled.get("response").asString())
        .isEqualTo(
            "1 open deal had no stage change for 14 days or more: Deal 9000 (9,000, in proposal"
                + " for 20 days).");

    JsonNode forecast = ask(client, member.orgId(), "What will we close next month?");
    // The proposal (0.5 by default) entered 20 days ago and is due 30 days after: in the month.
    assertThat(forecast.get("response").asString())
        .startsWith("For the next 30 days the forecast is 4,500 (80% range");

    JsonNode weather = ask(client, member.orgId(), "What's the weather in Lisbon tomorrow?");
    assertThat(weather.get("response").asString()).startsWith("I can't tell from your pipeline.");
    assertThat(weather.get("confidence").asDouble()).isEqualTo(0.2);
  }

  private Instant[] secondsAgo(int... seconds) {
    Instant[] at = new Instant[seconds.length];
    for (int i = 0; i < seconds.length; i++) {
      at[i] = now.minusSeconds(seconds[i]);
    }
    return at;
  }

  private Instant daysAgo(int days) {
    return now.minus(Duration.ofDays(days));
  }

  /** {@code POST /api/v1/insights} with figures of {@code dataType} for the workspace. */
  private static Response generate(
      ApiClient client, UUID workspaceId, String dataType, Map<String, ?> data) {
    return client.post(
        "/insights", Map.of("workspace_id", workspaceId, "data_type", dataType, "data", data));
  }

  private JsonNode ask(ApiClient client, UUID workspaceId, String question) {
    Response answer = chat(client, workspaceId, question);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json();
  }

  /** Asks until the answer holds {@code expected} (the events are still being applied). */
  private JsonNode await(ApiClient client, UUID workspaceId, String question, String expected) {
    return until(
        () -> chat(client, workspaceId, question),
        answer -> answer.get("response").asString().contains(expected));
  }
}
