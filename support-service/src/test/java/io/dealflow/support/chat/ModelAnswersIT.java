package io.dealflow.support.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.ApiClient.Response;
import io.dealflow.platform.test.OpenAiStub;
import io.dealflow.platform.test.OpenAiStub.Reply;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.support.Knowledge;
import io.dealflow.support.RunningSupportService;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With an OpenAI-compatible model configured, the model writes the answer from the retrieved
 * passages only, and the passages it cites are the citations; it never sees personal data; an
 * answer that cites nothing, or a model that fails, falls back to the extractive answer.
 */
class ModelAnswersIT extends RunningSupportService {

  private static final OpenAiStub provider = OpenAiStub.start();

  @DynamicPropertySource
  static void model(DynamicPropertyRegistry registry) {
    registry.add("dealflow.ai.base-url", provider::baseUrl);
    registry.add("dealflow.ai.model", () -> "support-model");
    registry.add("dealflow.ai.api-key", () -> "test-key");
  }

  @AfterAll
  static void stop() {
    provider.close();
  }

  @BeforeEach
  void forget() {
    provider.clear();
  }

  record Asked(ApiClient customer, String session) {}

  Asked customerWithKnowledge() {
    UUID orgId = UUID.randomUUID();
    Knowledge.addPolicies(as(TestUsers.create(orgId, "agent")));
    ApiClient customer = as(TestUsers.create(orgId, "rep"));
    String session =
        customer
            .post("/support/sessions/create", Map.of("customer_id", "c-1"))
            .json()
            .get("session_id")
            .asString();
    return new Asked(customer, session);
  }

  @Test
  void theModelAnswersFromThePassagesAndItsCitationsAreThePassagesItCites() {
    Asked asked = customerWithKnowledge();
    provider.reply(
        Reply.chunks("Refunds reach your original payment method within 5 business days [1]."));

    Response answered =
        asked
            .customer()
            .post(
                "/support/chat/process",
                Map.of(
                    "session_id",
                    asked.session(),
                    "message",
                    "I'm jane.doe@example.com, card 4111 1111 1111 1111: how long do refunds take?"));

    JsonNode body = answered.json();
    assertThat(body.get("response").asString())
        .isEqualTo("Refunds reach your original payment method within 5 business days.");
    assertThat(body.get("citations")).hasSize(1);
    assertThat(body.get("citations").get(0).get("title").asString()).isEqualTo("Returns Policy");
    String sent = provider.lastRequest().body().toString();
    assertThat(sent).contains("Returns Policy").contains("j*******@example.com");
    assertThat(sent).doesNotContain("jane.doe@example.com").doesNotContain("4111 1111 1111 1111");
  }

  @Test
  void anAnswerThatCitesNothingOrAFailingModelFallsBackToTheExtractiveAnswer() {
    Asked asked = customerWithKnowledge();
    provider.reply(Reply.chunks("Refunds are instant, trust me."));
    Response uncited =
        asked
            .customer()
            .post(
                "/support/chat/process",
                Map.of("session_id", asked.session(), "message", "How long do refunds take?"));
    assertThat(uncited.json().get("response").asString()).contains("5 business days");
    assertThat(uncited.json().get("response").asString()).doesNotContain("instant");

    provider.reply(Reply.failure(503, "overloaded"));
    Response failed =
        asked
            .customer()
            .post(
                "/support/chat/process",
                Map.of(
                    "session_id",
                    asked.session(),
                    "message",
                    "How long does standard shipping take?"));
    assertThat(failed.status()).isEqualTo(200);
    assertThat(failed.json().get("response").asString()).contains("3 to 5 business days");
    assertThat(failed.json().get("citations").get(0).get("title").asString())
        .isEqualTo("Shipping Policy");
  }

  @Test
  void whenTheModelSaysThePassagesDoNotAnswerItTheAnswerSaysSo() {
    Asked asked = customerWithKnowledge();
    provider.reply(Reply.chunks("NO_ANSWER"));

    Response answered =
        asked
            .customer()
            .post(
                "/support/chat/process",
                Map.of("session_id", asked.session(), "message", "Can refunds be paid in cash?"));

    assertThat(answered.json().get("response").asString()).contains("couldn't find an answer");
    assertThat(answered.json().get("citations")).isEmpty();
  }
}
