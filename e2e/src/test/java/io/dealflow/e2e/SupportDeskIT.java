package io.dealflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.e2e.Accounts.Account;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * HeliosCS through the gateway, as its chat widget and its agents' console use it: an admin writes
 * the knowledge base, a customer asks and gets answers that cite it, is told plainly when the
 * knowledge has no answer, has personal data masked, asks for a person and is handed to an agent,
 * who answers and works the ticket; another organization sees none of it.
 */
class SupportDeskIT {

  private static final String PASSWORD = "Support-Desk-42";
  private static final String FACT =
      "Orders placed with the code HELIOS-ORCHID ship from our Reykjavik warehouse within 36 hours.";

  private static Http admin;
  private static Http agent;
  private static String agentToken;
  private static Http customer;
  private static String customerToken;
  private static String factSource;

  @BeforeAll
  static void aSupportTeamAndACustomer() {
    Account owner = Accounts.register(E2eStack.client(), "Helios Desk");
    admin = E2eStack.client().bearer(owner.accessToken());
    agentToken = member("agent");
    agent = E2eStack.client().bearer(agentToken);
    customerToken = member("rep");
    customer = E2eStack.client().bearer(customerToken);
    Http.Response added =
        admin.post(
            "/api/v1/support/knowledge/sources",
            Map.of(
                "name",
                "Nordic Fulfilment",
                "type",
                "policy",
                "content",
                FACT + " Other orders ship from Chicago.",
                "metadata",
                Map.of("category", "shipping", "url", "/policies/nordic")));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    factSource = added.json().get("id").asString();
    Http.Response returns =
        admin.post(
            "/api/v1/support/knowledge/sources",
            Map.of(
                "name",
                "Returns Policy",
                "type",
                "policy",
                "content",
                "You can return any item within 30 days of delivery for a full refund. Refunds"
                    + " reach your card within 5 business days.",
                "metadata",
                Map.of("category", "returns")));
    assertThat(returns.status()).as(returns.toString()).isEqualTo(201);
  }

  static String member(String role) {
    String email = "e2e-support-" + role + "-" + UUID.randomUUID() + "@example.com";
    Http.Response created =
        admin.post(
            "/api/v1/users",
            Map.of(
                "email", email,
                "firstName", "Sam",
                "lastName", "Support",
                "role", role,
                "password", PASSWORD));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    Http.Response login =
        E2eStack.client().post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return login.json().get("access_token").asString();
  }

  static String session(Http as) {
    Http.Response created =
        as.post(
            "/api/v1/support/sessions/create",
            Map.of("customer_id", "customer_789", "channel", "web", "metadata", Map.of()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get("status").asString()).isEqualTo("active");
    return created.json().get("session_id").asString();
  }

  static JsonNode ask(Http as, String session, String message) {
    Http.Response answered =
        as.post("/api/v1/support/chat/process", Map.of("session_id", session, "message", message));
    assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
    assertThat(answered.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(answered.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(answered.header("X-RateLimit-Limit")).isNotNull();
    return answered.json();
  }

  @Test
  void anAnswerCarriesTheFactAndCitesItsSource() {
    String session = session(customer);

    JsonNode answer = ask(customer, session, "Where do HELIOS-ORCHID orders ship from?");

    assertThat(answer.get("response").asString()).contains("Reykjavik");
    assertThat(answer.get("citations")).isNotEmpty();
    assertThat(answer.get("citations").get(0).get("source").asString()).isEqualTo(factSource);
    assertThat(answer.get("citations").get(0).get("url").asString()).isEqualTo("/policies/nordic");
    assertThat(answer.get("escalation_needed").asBoolean()).isFalse();
    assertThat(answer.get("confidence").asDouble()).isGreaterThanOrEqualTo(0.45);
  }

  @Test
  void aQuestionTheKnowledgeDoesNotCoverGetsNoInventedAnswer() {
    String session = session(customer);

    JsonNode answer = ask(customer, session, "Who won the chess olympiad in 1974?");

    assertThat(answer.get("response").asString()).contains("couldn't find an answer");
    assertThat(answer.get("citations")).isEmpty();
  }

  @Test
  void personalDataIsMaskedInTheStoredConversation() {
    String session = session(customer);
    String card = "4111 1111 1111 1111";
    String ssn = "123-45-6789";
    String email = "jane.doe@example.com";
    String phone = "(415) 555-2671";

    JsonNode answer =
        ask(
            customer,
            session,
            "Card "
                + card
                + ", SSN "
                + ssn
                + ", email "
                + email
                + ", phone "
                + phone
                + ": how long do refunds take?");

    List<String> types = new ArrayList<>();
    answer.get("redactions").forEach(r -> types.add(r.get("type").asString()));
    assertThat(types).containsExactlyInAnyOrder("account_number", "ssn", "email", "phone");
    String stored = customer.get("/api/v1/support/messages/" + session).body();
    String history = agent.get("/api/v1/support/sessions/" + session).body();
    for (String clear : List.of(card, ssn, email, phone)) {
      assertThat(stored).doesNotContain(clear);
      assertThat(history).doesNotContain(clear);
    }
    assertThat(stored).contains("**** **** **** 1111");
  }

  @Test
  void aCustomerWhoAsksForAPersonIsHandedToAnAgentWhoWorksTheTicket() {
    String session = session(customer);

    JsonNode handedOver = ask(customer, session, "I want to talk to a human");

    assertThat(handedOver.get("escalation_needed").asBoolean()).isTrue();
    assertThat(handedOver.get("session_status").asString()).isEqualTo("escalated");
    String ticket = handedOver.get("ticket_id").asString();
    Http.Response tickets = agent.get("/api/v1/support/tickets?filter[status]=open&size=100");
    assertThat(tickets.status()).as(tickets.toString()).isEqualTo(200);
    assertThat(tickets.header("X-Total-Count")).isNotNull();
    assertThat(tickets.body()).contains(ticket);
    Http.Response reply =
        agent.post(
            "/api/v1/support/messages/send",
            Map.of("session_id", session, "content", "Hi, this is Sam.", "message_type", "agent"));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    JsonNode quiet = ask(customer, session, "Thanks Sam, where is my parcel?");
    assertThat(quiet.get("response").isNull()).isTrue();
    Http.Response resolved =
        agent.put("/api/v1/support/tickets/" + ticket, Map.of("status", "resolved"));
    assertThat(resolved.json().get("status").asString()).isEqualTo("resolved");
    assertThat(resolved.json().get("resolved_at").isNull()).isFalse();
  }

  @Test
  void theLiveChatAnswersOnTheSocketHandsOverAndLetsTheAgentTakeOver() throws Exception {
    String session = session(customer);
    BlockingQueue<JsonNode> customerSees = new LinkedBlockingQueue<>();
    WebSocket customerSocket = chat(session, customerToken, customerSees);
    Sockets.await(customerSees, m -> isPresence(m, "customer"));

    customerSocket.sendText(
        "{\"type\":\"message\",\"content\":\"Where do HELIOS-ORCHID orders ship from?\"}", true);
    JsonNode asked = Sockets.await(customerSees, m -> isMessage(m, "user"));
    assertThat(asked.get("data").get("content").asString()).contains("HELIOS-ORCHID");
    JsonNode answered = Sockets.await(customerSees, m -> isMessage(m, "bot"));
    assertThat(answered.get("data").get("content").asString()).contains("Reykjavik");
    assertThat(answered.get("data").get("citations").get(0).get("source").asString())
        .isEqualTo(factSource);

    customerSocket.sendText(
        "{\"type\":\"message\",\"content\":\"I want to talk to a human\"}", true);
    JsonNode escalated =
        Sockets.await(
            customerSees,
            m ->
                m.path("type").asString().equals("escalation")
                    && m.path("data").path("status").asString().equals("escalated"));
    assertThat(escalated.get("data").get("reason").asString()).isEqualTo("customer_request");

    BlockingQueue<JsonNode> agentSees = new LinkedBlockingQueue<>();
    WebSocket agentSocket = chat(session, agentToken, agentSees);
    Sockets.await(
        customerSees,
        m ->
            m.path("type").asString().equals("escalation")
                && m.path("data").path("status").asString().equals("agent_joined"));
    Sockets.await(agentSees, m -> isPresence(m, "agent"));
    agentSocket.sendText("{\"type\":\"message\",\"content\":\"Hi, Sam here. I can help.\"}", true);
    JsonNode fromAgent = Sockets.await(customerSees, m -> isMessage(m, "agent"));
    assertThat(fromAgent.get("data").get("content").asString())
        .isEqualTo("Hi, Sam here. I can help.");

    customerSocket.sendText(
        "{\"type\":\"message\",\"content\":\"Thanks, how long do refunds take?\"}", true);
    Sockets.await(
        agentSees,
        m -> isMessage(m, "user") && m.path("data").path("content").asString().contains("refunds"));
    Thread.sleep(1500);
    List<JsonNode> after = new ArrayList<>();
    customerSees.drainTo(after);
    assertThat(after).noneMatch(m -> isMessage(m, "bot"));
    customerSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    agentSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
  }

  static WebSocket chat(String session, String token, BlockingQueue<JsonNode> messages)
      throws Exception {
    return Sockets.open(
        "/ws/chat/" + session, List.of(), token, messages, new CompletableFuture<>());
  }

  static boolean isMessage(JsonNode message, String type) {
    return message.path("type").asString().equals("message")
        && message.path("data").path("message_type").asString().equals(type);
  }

  static boolean isPresence(JsonNode message, String role) {
    return message.path("type").asString().equals("presence")
        && message.path("data").path("role").asString().equals(role)
        && message.path("data").path("status").asString().equals("online");
  }

  @Test
  void anotherOrganizationSeesNoneOfIt() {
    String session = session(customer);
    ask(customer, session, "Where do HELIOS-ORCHID orders ship from?");
    Account stranger = Accounts.register(E2eStack.client(), "Other Desk");
    Http other = E2eStack.client().bearer(stranger.accessToken());

    Http.Response peek = other.get("/api/v1/support/sessions/" + session);
    assertThat(peek.status()).isEqualTo(404);
    assertThat(peek.json().get("error").get("code").asString()).isEqualTo("NOT_FOUND");
    assertThat(other.get("/api/v1/support/knowledge/search?q=HELIOS-ORCHID").json().get("results"))
        .isEmpty();
    assertThat(other.get("/api/v1/support/knowledge/sources").json()).isEmpty();
    assertThat(other.get("/api/v1/support/tickets").json()).isEmpty();
    JsonNode answer = ask(other, session(other), "Where do HELIOS-ORCHID orders ship from?");
    assertThat(answer.get("response").asString()).doesNotContain("Reykjavik");
  }

  @Test
  void aMissingTitleIsAValidationErrorInTheHeliosFormat() {
    Http.Response refused =
        agent.post("/api/v1/support/tickets/create", Map.of("description", "no title"));

    assertThat(refused.status()).isEqualTo(400);
    JsonNode error = refused.json().get("error");
    assertThat(error.get("code").asString()).isEqualTo("VALIDATION_ERROR");
    assertThat(error.get("details").get(0).get("field").asString()).isEqualTo("title");
    assertThat(error.get("request_id").asString()).isNotBlank();
  }
}
