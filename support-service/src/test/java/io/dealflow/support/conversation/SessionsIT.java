package io.dealflow.support.conversation;

import static io.dealflow.support.HeliosErrors.assertHeliosError;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.ApiClient.Response;
import io.dealflow.support.Knowledge;
import io.dealflow.support.RunningSupportService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Sessions, messages and ratings over HTTP, and the analytics computed from them: who may write
 * which message, what an ended session refuses, and dashboard numbers checked exactly for an
 * organization of its own.
 */
class SessionsIT extends RunningSupportService {

  private static final String REFUNDS = "How long do refunds take to arrive?";

  static JsonNode openSession(ApiClient client, Map<String, Object> session) {
    Response created = client.post("/support/sessions/create", session);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  static String openSession(ApiClient client, String channel) {
    return openSession(client, Map.of("customer_id", "customer_789", "channel", channel))
        .get("session_id")
        .asString();
  }

  static Response send(ApiClient client, String session, String content, String type) {
    return client.post(
        "/support/messages/send",
        Map.of("session_id", session, "content", content, "message_type", type));
  }

  static JsonNode ask(ApiClient client, String session, String message) {
    Response answered =
        client.post("/support/chat/process", Map.of("session_id", session, "message", message));
    assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
    return answered.json();
  }

  static Response rate(ApiClient client, String message, Map<String, Object> feedback) {
    return client.post("/support/messages/" + message + "/feedback", feedback);
  }

  static String invalidField(Response response) {
    return assertHeliosError(response, 400, "VALIDATION_ERROR")
        .get("details")
        .get(0)
        .get("field")
        .asString();
  }

  static String header(Response response, String name) {
    return response.headers().firstValue(name).orElse("");
  }

  static List<String> values(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(item -> values.add(item.get(field).asString()));
    return values;
  }

  static Map<String, Long> counts(JsonNode object) {
    Map<String, Long> counts = new HashMap<>();
    object.properties().forEach(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
    return counts;
  }

  @Test
  void aSessionIsOpenedReadListedAndEnded() {
    Org org = organization();

    JsonNode created =
        openSession(
            org.customer(),
            Map.of(
                "customer_id",
                "customer_789",
                "metadata",
                Map.of("user_agent", "Mozilla/5.0", "ip_address", "192.168.1.1")));

    String session = created.get("session_id").asString();
    assertThat(created.get("id").asString()).isEqualTo(session);
    assertThat(created.get("customer_id").asString()).isEqualTo("customer_789");
    assertThat(created.get("status").asString()).isEqualTo("active");
    assertThat(created.get("channel").asString()).isEqualTo("web");
    assertThat(created.get("metadata").get("user_agent").asString()).isEqualTo("Mozilla/5.0");
    assertThat(created.get("created_at").asString()).isNotBlank();
    assertThat(created.get("ended_at").isNull()).isTrue();
    assertThat(created.get("agent_id").isNull()).isTrue();
    assertThat(
            openSession(org.customer(), Map.of("customer_id", "customer_789", "channel", "mobile"))
                .get("channel")
                .asString())
        .isEqualTo("mobile");
    assertThat(
            invalidField(
                org.customer()
                    .post(
                        "/support/sessions/create",
                        Map.of("customer_id", "customer_789", "channel", "fax"))))
        .isEqualTo("channel");
    assertThat(
            invalidField(org.customer().post("/support/sessions/create", Map.of("channel", "web"))))
        .isEqualTo("customer_id");
    String othersSession = openSession(org.otherCustomer(), "chat");

    Response question = send(org.customer(), session, "Is my parcel on its way?", "user");
    assertThat(question.status()).as(question.toString()).isEqualTo(201);
    JsonNode read = org.customer().get("/support/sessions/" + session).json();
    assertThat(read.get("status").asString()).isEqualTo("active");
    assertThat(read.get("messages")).hasSize(1);
    assertThat(read.get("messages").get(0).get("content").asString())
        .isEqualTo("Is my parcel on its way?");
    assertThat(read.get("messages").get(0).get("message_type").asString()).isEqualTo("user");
    assertThat(org.staff().get("/support/sessions/" + session).status()).isEqualTo(200);
    assertHeliosError(org.otherCustomer().get("/support/sessions/" + session), 404, "NOT_FOUND");
    assertHeliosError(organization().staff().get("/support/sessions/" + session), 404, "NOT_FOUND");
    assertHeliosError(org.customer().get("/support/sessions/session_abc123"), 404, "NOT_FOUND");

    Response ended = org.customer().put("/support/sessions/" + session + "/end", Map.of());

    assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
    assertThat(ended.json().get("status").asString()).isEqualTo("ended");
    assertThat(Instant.parse(ended.json().get("ended_at").asString()))
        .isAfter(Instant.parse(created.get("created_at").asString()));
    assertHeliosError(
        org.customer().put("/support/sessions/" + session + "/end", Map.of()),
        409,
        "SESSION_ENDED");
    assertHeliosError(
        org.customer()
            .post("/support/chat/process", Map.of("session_id", session, "message", "Hello?")),
        409,
        "SESSION_ENDED");
    assertHeliosError(send(org.customer(), session, "Anyone there?", "user"), 409, "SESSION_ENDED");
    assertHeliosError(
        send(org.staff(), session, "Hi, this is support.", "agent"), 409, "SESSION_ENDED");
    JsonNode afterEnd = org.customer().get("/support/sessions/" + session).json();
    assertThat(afterEnd.get("status").asString()).isEqualTo("ended");
    assertThat(afterEnd.get("messages")).hasSize(1);

    Response mine = org.customer().get("/support/sessions");
    assertThat(header(mine, "X-Total-Count")).isEqualTo("2");
    assertThat(values(mine.json(), "session_id")).contains(session).doesNotContain(othersSession);
    assertThat(header(org.staff().get("/support/sessions"), "X-Total-Count")).isEqualTo("3");
    assertThat(values(org.staff().get("/support/sessions?filter%5Bstatus%5D=ended").json(), "id"))
        .containsExactly(session);
    assertThat(values(org.staff().get("/support/sessions?sort=created_at:asc&size=1").json(), "id"))
        .containsExactly(session);
  }

  @Test
  void eachMessageIsWrittenByWhoMayWriteIt() {
    Org org = organization();
    String session = openSession(org.customer(), "web");

    Response sent =
        org.customer()
            .post(
                "/support/messages/send",
                Map.of("session_id", session, "content", "Write to jane.doe@example.com please"));

    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    JsonNode message = sent.json();
    assertThat(message.get("message_id").asString()).isEqualTo(message.get("id").asString());
    assertThat(message.get("session_id").asString()).isEqualTo(session);
    assertThat(message.get("message_type").asString()).isEqualTo("user");
    assertThat(message.get("status").asString()).isEqualTo("sent");
    assertThat(message.get("content").asString()).isEqualTo("Write to j*******@example.com please");
    JsonNode redaction = message.get("redactions").get(0);
    assertThat(redaction.get("type").asString()).isEqualTo("email");
    assertThat(redaction.get("original").asString()).isEqualTo("jane.doe@example.com");
    assertThat(redaction.get("masked").asString()).isEqualTo("j*******@example.com");
    assertThat(redaction.get("position").get(0).asInt()).isEqualTo(9);
    assertThat(redaction.get("position").get(1).asInt()).isEqualTo(29);

    assertHeliosError(
        send(org.customer(), session, "I am the agent now", "agent"), 403, "AUTHORIZATION_ERROR");
    assertHeliosError(
        send(org.customer(), session, "System notice", "system"), 403, "AUTHORIZATION_ERROR");
    assertHeliosError(
        send(org.staff(), session, "Pretending to be the customer", "user"),
        403,
        "AUTHORIZATION_ERROR");
    assertThat(invalidField(send(org.staff(), session, "I am the assistant", "bot")))
        .isEqualTo("message_type");
    assertThat(invalidField(send(org.customer(), session, "Beep", "robot")))
        .isEqualTo("message_type");
    assertThat(
            invalidField(
                org.customer().post("/support/messages/send", Map.of("session_id", session))))
        .isEqualTo("content");
    assertThat(invalidField(send(org.customer(), session, "x".repeat(4001), "user")))
        .isEqualTo("content");
    assertHeliosError(send(org.otherCustomer(), session, "Hello", "user"), 404, "NOT_FOUND");
    assertHeliosError(send(organization().staff(), session, "Hello", "agent"), 404, "NOT_FOUND");

    Response byAgent = send(org.staff(), session, "Hi, I'm Sam from support.", "agent");
    assertThat(byAgent.status()).as(byAgent.toString()).isEqualTo(201);
    assertThat(byAgent.json().get("message_type").asString()).isEqualTo("agent");
    assertThat(send(org.staff(), session, "Sam joined the chat.", "system").status())
        .isEqualTo(201);
    assertThat(send(org.customer(), session, "Thanks Sam", "user").status()).isEqualTo(201);
    assertThat(org.customer().get("/support/sessions/" + session).json().get("agent_id").asString())
        .isEqualTo(org.staffUser().id().toString());

    Response firstPage = org.customer().get("/support/messages/" + session + "?size=3");
    assertThat(firstPage.status()).as(firstPage.toString()).isEqualTo(200);
    assertThat(header(firstPage, "X-Total-Count")).isEqualTo("4");
    assertThat(header(firstPage, "X-Page-Count")).isEqualTo("2");
    assertThat(header(firstPage, "X-Current-Page")).isEqualTo("1");
    assertThat(values(firstPage.json(), "message_type")).containsExactly("user", "agent", "system");
    JsonNode stored = firstPage.json().get(0);
    assertThat(stored.get("content").asString()).isEqualTo("Write to j*******@example.com please");
    assertThat(stored.get("sender_id").asString()).isEqualTo(org.customerUser().id().toString());
    assertThat(stored.get("redactions").get(0).get("masked").asString())
        .isEqualTo("j*******@example.com");
    assertThat(stored.get("redactions").get(0).has("original")).isFalse();
    Response secondPage = org.staff().get("/support/messages/" + session + "?page=2&size=3");
    assertThat(header(secondPage, "X-Current-Page")).isEqualTo("2");
    assertThat(values(secondPage.json(), "content")).containsExactly("Thanks Sam");
    assertThat(firstPage.text()).doesNotContain("jane.doe");
    assertHeliosError(org.otherCustomer().get("/support/messages/" + session), 404, "NOT_FOUND");
    assertThat(invalidField(org.customer().get("/support/messages/" + session + "?size=101")))
        .isEqualTo("size");
  }

  @Test
  void onlyTheAssistantsAnswersAreRatedFromOneToFive() {
    Org org = organization();
    Knowledge.addPolicies(org.staff());
    String session = openSession(org.customer(), "web");
    JsonNode answered = ask(org.customer(), session, REFUNDS);
    String answer = answered.get("message_id").asString();
    String question = answered.get("question_id").asString();

    Response rated =
        rate(
            org.customer(),
            answer,
            Map.of(
                "rating",
                4,
                "feedback",
                "Helpful! Mail me at jane.doe@example.com",
                "category",
                "positive"));

    assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
    assertThat(rated.json().get("message_id").asString()).isEqualTo(answer);
    assertThat(rated.json().get("rating").asInt()).isEqualTo(4);
    assertThat(rated.json().get("feedback").asString())
        .isEqualTo("Helpful! Mail me at j*******@example.com");
    assertThat(rated.json().get("category").asString()).isEqualTo("positive");
    assertThat(rate(org.customer(), answer, Map.of("rating", 5)).status()).isEqualTo(201);

    assertThat(invalidField(rate(org.customer(), answer, Map.of("rating", 0)))).isEqualTo("rating");
    assertThat(invalidField(rate(org.customer(), answer, Map.of("rating", 6)))).isEqualTo("rating");
    assertThat(invalidField(rate(org.customer(), answer, Map.of("feedback", "no rating"))))
        .isEqualTo("rating");
    assertThat(invalidField(rate(org.customer(), question, Map.of("rating", 3))))
        .isEqualTo("message_id");
    assertHeliosError(
        rate(org.customer(), UUID.randomUUID().toString(), Map.of("rating", 3)), 404, "NOT_FOUND");
    assertHeliosError(rate(org.otherCustomer(), answer, Map.of("rating", 1)), 404, "NOT_FOUND");
    assertHeliosError(rate(organization().staff(), answer, Map.of("rating", 1)), 404, "NOT_FOUND");
  }

  @Test
  void analyticsCountAFreshOrganizationExactly() {
    Org org = organization();
    Knowledge.addPolicies(org.staff());

    String answeredSession = openSession(org.customer(), "web");
    JsonNode first = ask(org.customer(), answeredSession, REFUNDS);
    assertThat(first.get("response").asString()).contains("5 business days");
    assertThat(first.get("intent").asString()).isEqualTo("billing_inquiry");
    assertThat(
            rate(org.customer(), first.get("message_id").asString(), Map.of("rating", 1)).status())
        .isEqualTo(201);
    assertThat(
            rate(org.customer(), first.get("message_id").asString(), Map.of("rating", 4)).status())
        .isEqualTo(201);

    String escalatedSession = openSession(org.customer(), "web");
    JsonNode handedOver = ask(org.customer(), escalatedSession, "I want to talk to a human please");
    assertThat(handedOver.get("escalation_reason").asString()).isEqualTo("customer_request");
    Response reply = send(org.staff(), escalatedSession, "Hi, I'm Sam from support.", "agent");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    String ticket = handedOver.get("ticket_id").asString();
    Response worked =
        org.staff()
            .put(
                "/support/tickets/" + ticket,
                Map.of("status", "resolved", "assignee_id", org.staffUser().id().toString()));
    assertThat(worked.status()).as(worked.toString()).isEqualTo(200);

    String chatSession = openSession(org.customer(), "chat");
    JsonNode second = ask(org.customer(), chatSession, REFUNDS);
    assertThat(second.get("intent").asString()).isEqualTo("billing_inquiry");
    assertThat(
            rate(org.customer(), second.get("message_id").asString(), Map.of("rating", 5)).status())
        .isEqualTo(201);

    openSession(org.customer(), "mobile");

    Response dashboard = org.staff().get("/support/analytics/dashboard");

    assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
    JsonNode numbers = dashboard.json();
    assertThat(numbers.get("total_conversations").asLong()).isEqualTo(4);
    assertThat(numbers.get("escalation_rate").asDouble()).isEqualTo(0.25);
    assertThat(numbers.get("deflection_rate").asDouble()).isEqualTo(0.5);
    assertThat(numbers.get("customer_satisfaction").asDouble()).isEqualTo(4.5);
    assertThat(numbers.get("average_response_time").asDouble()).isPositive();
    JsonNode intents = numbers.get("top_intents");
    assertThat(values(intents, "intent")).containsExactly("billing_inquiry", "human_request");
    assertThat(intents.get(0).get("count").asLong()).isEqualTo(2);
    assertThat(intents.get(1).get("count").asLong()).isEqualTo(1);
    Instant from = Instant.parse(numbers.get("from").asString());
    Instant to = Instant.parse(numbers.get("to").asString());
    assertThat(java.time.Duration.between(from, to)).hasDays(30);

    Response conversations = org.staff().get("/support/analytics/conversations");
    assertThat(conversations.status()).as(conversations.toString()).isEqualTo(200);
    JsonNode stats = conversations.json().get("conversations");
    assertThat(stats.get("total_conversations").asLong()).isEqualTo(4);
    assertThat(counts(stats.get("by_channel")))
        .containsExactlyInAnyOrderEntriesOf(Map.of("web", 2L, "chat", 1L, "mobile", 1L));
    assertThat(counts(stats.get("by_status")))
        .containsExactlyInAnyOrderEntriesOf(Map.of("active", 3L, "escalated", 1L));
    assertThat(counts(stats.get("total_messages")))
        .containsExactlyInAnyOrderEntriesOf(Map.of("user", 3L, "bot", 3L, "agent", 1L));
    assertThat(stats.get("average_messages_per_conversation").asDouble()).isEqualTo(1.75);
    boolean handOverQuestionAnswered = handedOver.get("confidence").asDouble() >= 0.45;
    assertThat(stats.get("unanswered").asLong()).isEqualTo(handOverQuestionAnswered ? 0 : 1);
    long days = 0;
    long conversationsByDay = 0;
    long escalatedByDay = 0;
    long messagesByDay = 0;
    for (JsonNode day : stats.get("daily")) {
      days++;
      conversationsByDay += day.get("conversations").asLong();
      escalatedByDay += day.get("escalated").asLong();
      messagesByDay += day.get("messages").asLong();
    }
    assertThat(days).isBetween(1L, 2L);
    assertThat(conversationsByDay).isEqualTo(4);
    assertThat(escalatedByDay).isEqualTo(1);
    assertThat(messagesByDay).isEqualTo(7);

    Response performance = org.staff().get("/support/analytics/performance");
    assertThat(performance.status()).as(performance.toString()).isEqualTo(200);
    JsonNode agents = performance.json().get("agents");
    assertThat(agents).hasSize(1);
    JsonNode sam = agents.get(0);
    assertThat(sam.get("agent_id").asString()).isEqualTo(org.staffUser().id().toString());
    assertThat(sam.get("sessions_handled").asLong()).isEqualTo(1);
    assertThat(sam.get("messages_sent").asLong()).isEqualTo(1);
    assertThat(sam.get("average_first_response_time").asDouble()).isNotNegative();
    assertThat(sam.get("tickets_assigned").asLong()).isEqualTo(1);
    assertThat(sam.get("tickets_resolved").asLong()).isEqualTo(1);
    assertThat(sam.get("average_resolution_time").isNull()).isFalse();

    JsonNode before =
        org.staff()
            .get("/support/analytics/dashboard?filter%5Bcreated_at%5D=2020-01-01..2020-01-31")
            .json();
    assertThat(before.get("total_conversations").asLong()).isZero();
    assertThat(before.get("deflection_rate").asDouble()).isZero();
    assertThat(before.get("customer_satisfaction").isNull()).isTrue();
    assertThat(before.get("top_intents")).isEmpty();
    assertThat(before.get("from").asString()).isEqualTo("2020-01-01T00:00:00Z");
    assertThat(before.get("to").asString()).isEqualTo("2020-02-01T00:00:00Z");
    assertThat(
            org.staff()
                .get("/support/analytics/performance?filter%5Bcreated_at%5D=2020-01-01..2020-01-31")
                .json()
                .get("agents"))
        .isEmpty();
    assertThat(
            invalidField(
                org.staff()
                    .get(
                        "/support/analytics/dashboard?filter%5Bcreated_at%5D=2024-02-01..2024-01-01")))
        .isEqualTo("filter[created_at]");

    for (String path : List.of("dashboard", "conversations", "performance")) {
      assertHeliosError(
          org.customer().get("/support/analytics/" + path), 403, "AUTHORIZATION_ERROR");
    }
    assertThat(
            organization()
                .staff()
                .get("/support/analytics/dashboard")
                .json()
                .get("total_conversations")
                .asLong())
        .isZero();
  }
}
