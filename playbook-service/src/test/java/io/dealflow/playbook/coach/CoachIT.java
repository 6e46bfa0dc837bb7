package io.dealflow.playbook.coach;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.OpenAiStub;
import io.dealflow.platform.test.OpenAiStub.Reply;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import io.dealflow.playbook.RunningPlaybookService;
import io.dealflow.playbook.Sailwind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The coach with an OpenAI-compatible model: a local server speaking chat completions. */
class CoachIT extends RunningPlaybookService {

  private static final OpenAiStub provider = OpenAiStub.start();

  @DynamicPropertySource
  static void ai(DynamicPropertyRegistry registry) {
    registry.add("dealflow.ai.base-url", provider::baseUrl);
    registry.add("dealflow.ai.model", () -> "coach-model");
    registry.add("dealflow.ai.api-key", () -> "test-key");
  }

  @AfterAll
  static void stop() {
    provider.close();
  }

  @Autowired JdbcClient jdbc;

  private final TestUser rep = TestUsers.inNewOrganization("rep");

  @BeforeEach
  void assign() {
    provider.clear();
    CoachFixtures.assign(jdbc, rep.orgId(), rep.id(), CoachFixtures.STRATEGY);
  }

  @Test
  void chunksArriveInOrderAndCompleteIsTheirConcatenation() {
    provider.reply(Reply.chunks("Agree first, ", "then ask how long ", "the forecast takes."));

    List<CoachStream.Event> events =
        CoachStream.answer(baseUrl(), rep.token(), UUID.randomUUID(), "They have CRM reports.");

    assertThat(events)
        .map(CoachStream.Event::name)
        .containsExactly("start", "chunk", "chunk", "chunk", "complete");
    String messageId = events.getFirst().data().path("messageId").asString();
    assertThat(events.subList(1, 4))
        .map(event -> event.data().path("content").asString())
        .containsExactly("Agree first, ", "then ask how long ", "the forecast takes.");
    JsonNode complete = events.getLast().data();
    assertThat(complete.path("messageId").asString()).isEqualTo(messageId);
    assertThat(complete.path("fullContent").asString())
        .isEqualTo("Agree first, then ask how long the forecast takes.");
    assertThat(provider.lastRequest().model()).isEqualTo("coach-model");
    assertThat(provider.lastRequest().stream()).isTrue();
    assertThat(provider.lastRequest().authorization()).isEqualTo("Bearer test-key");
  }

  @Test
  void thePromptCarriesTheAssignedStrategyAndTheConversationsHistory() {
    UUID conversation = UUID.randomUUID();
    provider.reply(Reply.chunks("Ask about the Friday forecast."));
    CoachStream.answer(baseUrl(), rep.token(), conversation, "How do I open the call?");
    provider.reply(Reply.chunks("Offer a working session."));

    CoachStream.answer(baseUrl(), rep.token(), conversation, "And how do I close it?");

    List<OpenAiStub.Message> sent = provider.lastRequest().messages();
    assertThat(sent)
        .map(OpenAiStub.Message::role)
        .containsExactly("system", "user", "assistant", "user");
    assertThat(sent.getFirst().content())
        .contains("Client: Contoso Ltd", "Product: Pipeline Analytics Suite")
        .contains("Client archetype: Enterprise buying committee")
        .contains("\"We already have CRM reports.\" Agree, then ask how long")
        .contains("Practice: 10 of 30 minutes")
        .contains("Never invent facts");
    assertThat(sent.subList(1, 4))
        .map(OpenAiStub.Message::content)
        .containsExactly(
            "How do I open the call?", "Ask about the Friday forecast.", "And how do I close it?");
  }

  @Test
  void anotherConversationStartsWithoutHistory() {
    provider.reply(Reply.chunks("First answer."));
    CoachStream.answer(baseUrl(), rep.token(), UUID.randomUUID(), "First question?");
    provider.reply(Reply.chunks("Second answer."));

    CoachStream.answer(baseUrl(), rep.token(), UUID.randomUUID(), "A new topic?");

    assertThat(provider.lastRequest().messages())
        .map(OpenAiStub.Message::role)
        .containsExactly("system", "user");
  }

  @Test
  void closingTheStreamStopsTheAnswerAtTheProviderAndKeepsWhatWasWritten() {
    String[] chunks = new String[200];
    for (int i = 0; i < chunks.length; i++) {
      chunks[i] = "part " + i + " ";
    }
    provider.reply(Reply.chunks(chunks).pacedBy(Duration.ofMillis(50)));
    UUID conversation = UUID.randomUUID();

    try (CoachStream stream =
        CoachStream.ask(baseUrl(), rep.token(), conversation, "Tell me everything.")) {
      assertThat(stream.next().name()).isEqualTo("start");
      assertThat(stream.next().name()).isEqualTo("chunk");
    }

    awaitUntil(() -> provider.streamsClosedByClient() > 0, "the provider saw its reader go");
    assertThat(provider.chunksSent()).isLessThan(chunks.length);
    awaitUntil(
        () -> "cancelled".equals(turns(rep, conversation).get(1).path("status").asString()),
        "the answer is stored as cancelled");
    JsonNode cancelled = turns(rep, conversation).get(1);
    assertThat(cancelled.path("content").asString()).startsWith("part 0 ");
  }

  @Test
  void aProviderFailureEndsTheAnswerWithAnErrorAndIsStored() {
    provider.reply(Reply.failure(500, "model crashed"));
    UUID conversation = UUID.randomUUID();

    List<CoachStream.Event> events =
        CoachStream.answer(baseUrl(), rep.token(), conversation, "Anything?");

    assertThat(events).map(CoachStream.Event::name).containsExactly("start", "error");
    assertThat(events.getLast().data().path("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(turns(rep, conversation).get(1).path("status").asString()).isEqualTo("failed");
  }

  @Test
  void aRepRatesTheirAnswersButNotAnotherUsers() {
    provider.reply(Reply.chunks("A useful answer."));
    UUID conversation = UUID.randomUUID();
    String messageId =
        CoachStream.answer(baseUrl(), rep.token(), conversation, "Help?")
            .getLast()
            .data()
            .path("messageId")
            .asString();
    Sailwind mine = as(rep);
    String feedback = "/coach/messages/" + messageId + "/feedback";

    Sailwind.Response rated = mine.post(feedback, Map.of("rating", 4, "comment", "Helpful"));
    Sailwind.Response rerated = mine.post(feedback, Map.of("rating", 2));
    TestUser colleague = TestUsers.create(rep.orgId(), "rep");
    Sailwind.Response colleagues = as(colleague).post(feedback, Map.of("rating", 1));
    Sailwind.Response outsiders =
        as(TestUsers.inNewOrganization("rep")).post(feedback, Map.of("rating", 1));

    assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
    assertThat(rated.json().path("comment").asString()).isEqualTo("Helpful");
    assertThat(rerated.json().path("rating").asInt()).isEqualTo(2);
    assertThat(colleagues.status()).isEqualTo(404);
    assertThat(colleagues.code()).isEqualTo("NOT_FOUND");
    assertThat(outsiders.status()).isEqualTo(404);
    assertThat(turns(rep, conversation).get(1).path("rating").asInt()).isEqualTo(2);
  }

  @Test
  void badQuestionsAndRatingsAreRefusedInTheFamilyFormat() {
    Sailwind mine = as(rep);

    Sailwind.Response blank =
        mine.post(
            "/coach/messages",
            Map.of("conversationId", UUID.randomUUID().toString(), "content", " "));
    Sailwind.Response tooLong =
        mine.post(
            "/coach/messages",
            Map.of("conversationId", UUID.randomUUID().toString(), "content", "x".repeat(4001)));
    Sailwind.Response noConversation = mine.post("/coach/messages", Map.of("content", "Hi"));
    Sailwind.Response badRating =
        mine.post("/coach/messages/" + UUID.randomUUID() + "/feedback", Map.of("rating", 6));
    Sailwind.Response unknown =
        mine.post("/coach/messages/" + UUID.randomUUID() + "/feedback", Map.of("rating", 5));

    for (Sailwind.Response refused : List.of(blank, tooLong, noConversation, badRating)) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.json().path("detail").path("code").asString()).isNotBlank();
    }
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(provider.requests()).as("nothing reached the model").isEmpty();
  }

  @Test
  void aRefusalReachesAnEventStreamClientAsTheFamilyErrorBody() {
    try (CoachStream refused = CoachStream.ask(baseUrl(), rep.token(), UUID.randomUUID(), " ")) {
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("\"detail\"").contains("\"code\"");
    }
  }

  @Test
  void anotherOrganizationSeesNoneOfAConversation() {
    provider.reply(Reply.chunks("Private."));
    UUID conversation = UUID.randomUUID();
    CoachStream.answer(baseUrl(), rep.token(), conversation, "Mine?");

    Sailwind.Response outsider =
        as(TestUsers.inNewOrganization("rep"))
            .get("/coach/conversations/" + conversation + "/messages");

    assertThat(turns(rep, conversation)).hasSize(2);
    assertThat(outsider.status()).isEqualTo(200);
    assertThat(outsider.json()).isEmpty();
  }

  private List<JsonNode> turns(TestUser user, UUID conversation) {
    JsonNode turns = as(user).get("/coach/conversations/" + conversation + "/messages").json();
    return StreamSupport.stream(turns.spliterator(), false).toList();
  }

  private static void awaitUntil(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
