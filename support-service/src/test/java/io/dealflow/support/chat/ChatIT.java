package io.dealflow.support.chat;

import static io.dealflow.platform.test.EventProbe.about;
import static io.dealflow.platform.test.EventProbe.ofType;
import static io.dealflow.support.HeliosErrors.assertHeliosError;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.ApiClient.Response;
import io.dealflow.platform.test.EventProbe;
import io.dealflow.support.Knowledge;
import io.dealflow.support.RunningSupportService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code chat/process}: answers that cite the organization's knowledge, no answer invented,
 * personal data masked everywhere, and the hand-over to a person.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChatIT extends RunningSupportService {

  private static EventProbe events;

  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void listen() {
    events =
        new EventProbe(
            Devstack.kafka().bootstrapServers(),
            List.of("support.message.created", "support.escalated", "ticket.created"));
  }

  @AfterAll
  static void stopListening() {
    events.close();
  }

  static String openSession(ApiClient customer) {
    Response created =
        customer.post(
            "/support/sessions/create",
            Map.of(
                "customer_id",
                "customer_789",
                "channel",
                "web",
                "metadata",
                Map.of("tier", "gold")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get("status").asString()).isEqualTo("active");
    return created.json().get("session_id").asString();
  }

  static Response ask(ApiClient customer, String session, String message) {
    return customer.post(
        "/support/chat/process", Map.of("session_id", session, "message", message));
  }

  @Test
  void answersFromTheKnowledgeAndCitesExactlyThePassageUsed() {
    Org org = organization();
    Knowledge.addPolicies(org.staff());
    String unique = "The warehouse cat is called Marmalade and guards parcel bay 7.";
    String factSource =
        Knowledge.add(
            org.staff(), "Warehouse Trivia", unique + " Visitors may not feed her.", "trivia");
    String session = openSession(org.customer());

    Response answered = ask(org.customer(), session, "What is the name of the warehouse cat?");

    assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
    JsonNode body = answered.json();
    assertThat(body.get("response").asString()).contains("Marmalade");
    assertThat(body.get("escalation_needed").asBoolean()).isFalse();
    assertThat(body.get("confidence").asDouble()).isBetween(0.45, 1.0);
    JsonNode citations = body.get("citations");
    assertThat(citations).hasSize(1);
    assertThat(citations.get(0).get("source").asString()).isEqualTo(factSource);
    assertThat(citations.get(0).get("title").asString()).isEqualTo("Warehouse Trivia");
    assertThat(citations.get(0).get("url").asString()).isEqualTo("/policies/trivia");
    assertThat(citations.get(0).get("excerpt").asString()).contains("Marmalade");
    assertThat(body.get("intent").asString()).isNotBlank();
    assertThat(body.get("entities").get("urgency").asString()).isEqualTo("low");

    Response refund = ask(org.customer(), session, "How long do refunds take to arrive?");
    assertThat(refund.json().get("response").asString()).contains("5 business days");
    assertThat(refund.json().get("citations").get(0).get("title").asString())
        .isEqualTo("Returns Policy");
    assertThat(refund.json().get("intent").asString()).isEqualTo("billing_inquiry");

    Response history = org.customer().get("/support/sessions/" + session);
    JsonNode messages = history.json().get("messages");
    assertThat(messages).hasSize(4);
    assertThat(messages.get(0).get("message_type").asString()).isEqualTo("user");
    assertThat(messages.get(1).get("message_type").asString()).isEqualTo("bot");
    assertThat(messages.get(1).get("citations").get(0).get("source").asString())
        .isEqualTo(factSource);
  }

  @Test
  void saysSoInsteadOfGuessingWhenTheKnowledgeHasNoAnswer() {
    Org org = organization();
    Knowledge.addPolicies(org.staff());
    String session = openSession(org.customer());

    Response answered =
        ask(org.customer(), session, "Which stadium hosts the football final this year?");

    JsonNode body = answered.json();
    assertThat(body.get("response").asString()).contains("couldn't find an answer");
    assertThat(body.get("citations")).isEmpty();
    assertThat(body.get("confidence").asDouble()).isLessThan(0.45);
  }

  @Test
  void masksPersonalDataBeforeItIsStoredLoggedPublishedOrSearched(CapturedOutput output) {
    Org org = organization();
    Knowledge.addPolicies(org.staff());
    String session = openSession(org.customer());
    String card = "4111 1111 1111 1111";
    String email = "jane.doe@example.com";
    String phone = "(415) 555-2671";
    String ssn = "123-45-6789";

    Response answered =
        ask(
            org.customer(),
            session,
            "My card is "
                + card
                + ", email "
                + email
                + ", call me at "
                + phone
                + ", SSN "
                + ssn
                + ". Can I return my order?");

    assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
    JsonNode redactions = answered.json().get("redactions");
    List<String> types = new ArrayList<>();
    redactions.forEach(r -> types.add(r.get("type").asString()));
    assertThat(types).containsExactly("account_number", "email", "phone", "ssn");
    assertThat(redactions.get(0).get("original").asString()).isEqualTo(card);
    assertThat(redactions.get(0).get("masked").asString()).isEqualTo("**** **** **** 1111");
    assertThat(redactions.get(0).get("position")).hasSize(2);

    List<String> clear = List.of(card, email, phone, ssn, "4111111111111111", "jane.doe");
    String rows =
        jdbc.sql("SELECT string_agg(m::text, ' ') FROM support_messages m WHERE session_id = :s")
            .param("s", UUID.fromString(session))
            .query(String.class)
            .single();
    String tickets =
        jdbc.sql("SELECT coalesce(string_agg(t::text, ' '), '') FROM tickets t")
            .query(String.class)
            .single();
    List<EventProbe.Received> published =
        events.awaitCount(
            ofType("support.message.created").and(about(session)), 2, Duration.ofSeconds(20));
    String stored = answered.text();
    for (String value : clear) {
      assertThat(rows).doesNotContain(value);
      assertThat(tickets).doesNotContain(value);
      assertThat(output.getAll()).doesNotContain(value);
      published.forEach(event -> assertThat(event.data().toString()).doesNotContain(value));
    }
    assertThat(rows).contains("**** **** **** 1111").contains("***-**-6789");
    Response listed = org.customer().get("/support/messages/" + session);
    assertThat(listed.text()).doesNotContain(card).doesNotContain(email).doesNotContain(ssn);
    assertThat(stored).contains(card);
  }

  @Test
  void aRequestForAPersonEscalatesOpensATicketAndSilencesTheAssistant() {
    Org org = organization();
    Knowledge.addPolicies(org.staff());
    String session = openSession(org.customer());

    Response escalated = ask(org.customer(), session, "I want to talk to a human please");

    JsonNode body = escalated.json();
    assertThat(body.get("escalation_needed").asBoolean()).isTrue();
    assertThat(body.get("escalation_reason").asString()).isEqualTo("customer_request");
    assertThat(body.get("intent").asString()).isEqualTo("human_request");
    assertThat(body.get("session_status").asString()).isEqualTo("escalated");
    String ticket = body.get("ticket_id").asString();
    assertThat(org.customer().get("/support/sessions/" + session).json().get("status").asString())
        .isEqualTo("escalated");
    JsonNode opened = org.staff().get("/support/tickets/" + ticket).json();
    assertThat(opened.get("session_id").asString()).isEqualTo(session);
    assertThat(opened.get("status").asString()).isEqualTo("open");
    EventProbe.Received event =
        events.await(ofType("support.escalated").and(about(session)), Duration.ofSeconds(20));
    assertThat(event.data().get("reason").asString()).isEqualTo("customer_request");
    assertThat(event.data().get("ticket_id").asString()).isEqualTo(ticket);
    events.await(ofType("ticket.created").and(about(ticket)), Duration.ofSeconds(20));
    Response waiting = org.staff().get("/support/sessions?filter[status]=escalated");
    assertThat(waiting.status()).as(waiting.toString()).isEqualTo(200);
    assertThat(waiting.json()).hasSize(1);
    assertThat(waiting.json().get(0).get("session_id").asString()).isEqualTo(session);
    assertThat(waiting.headers().firstValue("X-Total-Count")).hasValue("1");

    Response quiet = ask(org.customer(), session, "How long do refunds take?");
    assertThat(quiet.status()).isEqualTo(200);
    assertThat(quiet.json().get("response").isNull()).isTrue();
    Response agentReply =
        org.staff()
            .post(
                "/support/messages/send",
                Map.of(
                    "session_id",
                    session,
                    "content",
                    "Hi, I'm Sam from support.",
                    "message_type",
                    "agent"));
    assertThat(agentReply.status()).as(agentReply.toString()).isEqualTo(201);
    JsonNode after = org.customer().get("/support/sessions/" + session).json();
    assertThat(after.get("agent_id").isNull()).isFalse();
    JsonNode messages = after.get("messages");
    assertThat(messages.get(messages.size() - 2).get("message_type").asString()).isEqualTo("user");
    assertThat(messages.get(messages.size() - 1).get("message_type").asString()).isEqualTo("agent");
  }

  @Test
  void theSameUnansweredQuestionTwiceIsHandedOver() {
    Org org = organization();
    Knowledge.addPolicies(org.staff());
    String session = openSession(org.customer());

    Response first = ask(org.customer(), session, "Do you ship internationally to Japan?");
    assertThat(first.json().get("response").asString())
        .as(first.toString())
        .contains("couldn't find an answer");
    assertThat(first.json().get("escalation_needed").asBoolean()).as(first.toString()).isFalse();
    Response second = ask(org.customer(), session, "Do you ship to Japan internationally?");

    assertThat(second.json().get("escalation_reason").asString()).isEqualTo("repeated_failure");
  }

  @Test
  void anotherOrganizationNeverSeesTheSessionOrItsKnowledge() {
    Org mine = organization();
    Knowledge.add(
        mine.staff(), "Secret Plan", "The launch code word is Pineapple Express.", "secret");
    String session = openSession(mine.customer());
    Org theirs = organization();

    assertHeliosError(theirs.customer().get("/support/sessions/" + session), 404, "NOT_FOUND");
    assertHeliosError(ask(theirs.customer(), session, "hello"), 404, "NOT_FOUND");
    String otherSession = openSession(theirs.customer());
    Response answered = ask(theirs.customer(), otherSession, "What is the launch code word?");
    assertThat(answered.text()).doesNotContain("Pineapple");
    Response searched = theirs.staff().get("/support/knowledge/search?q=launch%20code%20word");
    assertThat(searched.json().get("results")).isEmpty();
  }

  @Test
  void badInputIsRefusedInTheHeliosFormat() {
    Org org = organization();
    String session = openSession(org.customer());

    JsonNode error =
        assertHeliosError(
            org.customer().post("/support/chat/process", Map.of("session_id", session)),
            400,
            "VALIDATION_ERROR");
    assertThat(error.get("details").get(0).get("field").asString()).isEqualTo("message");
    assertHeliosError(ask(org.customer(), "not-a-uuid", "hello"), 404, "NOT_FOUND");
    assertHeliosError(ask(org.customer(), session, "x".repeat(4001)), 400, "VALIDATION_ERROR");
  }
}
