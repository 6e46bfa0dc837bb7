package io.dealflow.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.OpenAiStub;
import io.dealflow.platform.test.OpenAiStub.Message;
import io.dealflow.platform.test.OpenAiStub.Reply;
import io.dealflow.platform.test.OpenAiStub.Request;
import io.dealflow.platform.test.OpenAiStub.ToolCall;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Pipeline chat with a configured model (the platform's OpenAI stub): the model calls the metric
 * tools, and its answer is given only when every number in it came from them; otherwise the offline
 * answer is.
 */
class ModelChatIT extends RunningInsightsService {

  private static final OpenAiStub model = OpenAiStub.start();
  private static final String OFFLINE = "Your win rate this quarter is 67%: 2 won and 1 lost.";
  private static final String QUESTION = "How are we doing on wins this quarter?";

  private static TestUser member;

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry registry) {
    registry.add("dealflow.ai.base-url", model::baseUrl);
    registry.add("dealflow.ai.model", () -> "pipeline-model");
    registry.add("dealflow.ai.api-key", () -> "test-key");
  }

  @BeforeAll
  static void pipeline() {
    member = TestUsers.inNewOrganization("rep");
    CrmDeals crm = CrmDeals.of(member.orgId());
    Instant now = Instant.now();
    crm.path(
        UUID.randomUUID(),
        3_000,
        new String[] {"lead", "won"},
        new Instant[] {now.minusSeconds(6), now.minusSeconds(2)});
    crm.path(
        UUID.randomUUID(),
        4_000,
        new String[] {"qualified", "won"},
        new Instant[] {now.minusSeconds(5), now.minusSeconds(1)});
    crm.path(
        UUID.randomUUID(),
        2_500,
        new String[] {"lead", "lost"},
        new Instant[] {now.minusSeconds(4), now.minusSeconds(1)});
  }

  @AfterAll
  static void stop() {
    model.close();
  }

  @BeforeEach
  void applied() {
    // The offline path answers from the same read model: wait until it holds the three deals.
    model.reply(Reply.failure(500, "not yet"));
    until(
        () -> chat(client(), member.orgId(), "What is our win rate this quarter?"),
        answer -> answer.get("response").asString().equals(OFFLINE));
    model.clear();
  }

  @Test
  void theModelCallsTheMetricAndAnswersWithItsNumbers() {
    model.script(
        Reply.toolCalls(new ToolCall("win_rate", "{\"period\":\"this quarter\"}")),
        Reply.chunks("This quarter you won 2 deals and lost 1, a win rate of 67%."));

    JsonNode answer = ask(QUESTION);

    assertThat(answer.get("response").asString())
        .isEqualTo("This quarter you won 2 deals and lost 1, a win rate of 67%.");
    assertThat(answer.get("confidence").asDouble()).isEqualTo(0.7);
    List<Request> requests = model.requests();
    assertThat(requests).hasSize(2);
    assertThat(requests.getFirst().tools())
        .containsExactlyInAnyOrder(
            "win_rate", "conversion", "forecast", "open_pipeline", "stalled_deals");
    assertThat(requests.getFirst().messages().getFirst().role()).isEqualTo("system");
    assertThat(requests.getFirst().messages().getLast().content()).isEqualTo(QUESTION);
    Message result = requests.get(1).messages().getLast();
    assertThat(result.role()).isEqualTo("tool");
    assertThat(result.content()).contains(OFFLINE);
  }

  @Test
  void aNumberNoMetricReturnedGivesTheOfflineAnswer() {
    model.script(
        Reply.toolCalls(new ToolCall("win_rate", "{\"period\":\"this quarter\"}")),
        Reply.chunks("Your win rate this quarter is 67%, up from 55% last quarter."));

    JsonNode answer = ask(QUESTION);

    assertThat(answer.get("response").asString()).isEqualTo(OFFLINE);
    assertThat(model.requests()).hasSize(2);
  }

  @Test
  void anAnswerWithoutAToolCallGivesTheOfflineAnswer() {
    model.reply(Reply.chunks("You are doing great this quarter."));

    JsonNode answer = ask(QUESTION);

    assertThat(answer.get("response").asString()).isEqualTo(OFFLINE);
    assertThat(model.requests()).hasSize(1);
  }

  @Test
  void aFailingProviderGivesTheOfflineAnswer() {
    model.reply(Reply.failure(503, "overloaded"));

    JsonNode answer = ask(QUESTION);

    assertThat(answer.get("response").asString()).isEqualTo(OFFLINE);
    assertThat(answer.get("confidence").asDouble()).isEqualTo(0.7);
  }

  @Test
  void aQuestionNoMetricAnswersIsStillAnsweredHonestly() {
    model.reply(Reply.chunks("It will be sunny in Lisbon tomorrow, 24 degrees."));

    JsonNode answer = ask("What's the weather in Lisbon tomorrow?");

    assertThat(answer.get("response").asString()).startsWith("I can't tell from your pipeline.");
    assertThat(answer.get("confidence").asDouble()).isEqualTo(0.2);
  }

  @Test
  void theModelWritesTheNarrativeOfTheRulesFindingsButNotTheirNumbers() {
    Map<String, Object> seed =
        Map.of(
            "workspace_id",
            member.orgId(),
            "data_type",
            "deals",
            "data",
            Map.of(
                "total_deals", 45,
                "won_deals", 12,
                "lost_deals", 8,
                "in_progress", 25,
                "average_deal_value", 15000,
                "conversion_rate", 0.27));
    model.script(
        Reply.chunks("At 27%, your conversion trails the 35% typical of B2B SaaS teams."),
        Reply.chunks("Score your leads so the team spends its time on the likeliest buyers."));

    JsonNode narrated = client().post("/insights", seed).json();

    JsonNode insight = narrated.get("insights").get(0);
    assertThat(insight.get("title").asString()).isEqualTo("Conversion Rate Below Industry Average");
    assertThat(insight.get("description").asString())
        .isEqualTo("At 27%, your conversion trails the 35% typical of B2B SaaS teams.");
    assertThat(insight.get("priority").asString()).isEqualTo("high");
    assertThat(insight.get("confidence").asDouble()).isEqualTo(0.95);
    assertThat(narrated.get("recommendations").get(0).get("description").asString())
        .isEqualTo("Score your leads so the team spends its time on the likeliest buyers.");
    assertThat(model.requests().getFirst().messages().getLast().content())
        .startsWith("Conversion Rate Below Industry Average\n");

    // A rewrite with a number of its own is refused: the rule's description stays.
    model.reply(Reply.chunks("At 27%, you trail the 40% benchmark."));
    JsonNode refused = client().post("/insights", seed).json();
    assertThat(refused.get("insights").get(0).get("description").asString())
        .contains("27%", "35%")
        .doesNotContain("40%");
  }

  private JsonNode ask(String question) {
    var response = chat(client(), member.orgId(), question);
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    return response.json();
  }

  private ApiClient client() {
    return as(member);
  }
}
