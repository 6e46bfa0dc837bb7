package io.dealflow.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /ws/chat/{session_id}}: HeliosCS live chat against {@link FakeSupport}, a real local
 * server standing in for support-service, with support events published to the real Kafka.
 */
class ChatSocketIT extends RunningSockets {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration QUIET = Duration.ofSeconds(2);

  @BeforeEach
  void eventsFlow() {
    awaitEventsFlowing();
  }

  @Test
  void aBadTokenIsAnAuthenticationErrorThenA4401AndAMessageBeforeAuthIsRefused() {
    TestUser customer = TestUsers.inNewOrganization("rep");
    UUID session = FakeSupport.open(customer.orgId());
    try (TestSocket inHeader = TestSocket.withBearer(port, "/ws/chat/" + session, "forged");
        TestSocket inMessage = TestSocket.open(port, "/ws/chat/" + session);
        TestSocket late = TestSocket.open(port, "/ws/chat/" + session)) {
      inMessage.send("{\"type\":\"auth\",\"token\":\"forged\"}");
      for (TestSocket socket : List.of(inHeader, inMessage)) {
        assertError(socket.next(), "AUTHENTICATION_ERROR");
        assertThat(socket.closed(WAIT).code()).isEqualTo(CloseCodes.UNAUTHORIZED);
      }

      late.send("{\"type\":\"message\",\"content\":\"hello?\"}");
      assertError(late.next(), "AUTHENTICATION_ERROR");
      late.send("{\"type\":\"auth\",\"token\":\"" + customer.token() + "\"}");
      assertPresence(late.next(), customer, "customer", "online");
      assertThat(FakeSupport.relayedTo(session)).isEmpty();
    }
  }

  @Test
  void aSessionTheUserMayNotUseIsAnErrorThenAPolicyViolationClose() {
    TestUser customer = TestUsers.inNewOrganization("rep");
    TestUser stranger = TestUsers.inNewOrganization("agent");
    record Refused(String session, String code) {}
    List<Refused> cases =
        List.of(
            new Refused(UUID.randomUUID().toString(), "NOT_FOUND"),
            new Refused(FakeSupport.open(stranger.orgId()).toString(), "NOT_FOUND"),
            new Refused(
                FakeSupport.open(customer.orgId(), FakeSupport.Answer.FORBIDDEN).toString(),
                "AUTHORIZATION_ERROR"),
            new Refused("not-a-session", "NOT_FOUND"));
    for (Refused refused : cases) {
      try (TestSocket socket =
          TestSocket.withBearer(port, "/ws/chat/" + refused.session(), customer.token())) {
        assertError(socket.next(), refused.code());
        assertThat(socket.closed(WAIT).code()).as(refused.session()).isEqualTo(CloseCodes.POLICY);
      }
    }
  }

  @Test
  void aCustomersMessageGoesToChatProcessWithTheirTokenAndIsShownOnceFromItsEvent() {
    TestUser customer = TestUsers.inNewOrganization("rep");
    TestUser agent = TestUsers.create(customer.orgId(), "agent");
    UUID session = FakeSupport.open(customer.orgId());
    try (TestSocket customerSocket = join(customer, session);
        TestSocket agentSocket = join(agent, session)) {
      customerSocket.send("{\"type\":\"message\",\"content\":\"What are your trading hours?\"}");

      await().atMost(WAIT).until(() -> FakeSupport.relayedTo(session).size() == 1);
      FakeSupport.Relayed relayed = FakeSupport.relayedTo(session).getFirst();
      assertThat(relayed.path()).isEqualTo("/api/v1/support/chat/process");
      assertThat(relayed.subject())
          .as("relayed with the customer's own token")
          .isEqualTo(customer.id().toString());
      assertThat(relayed.body().path("session_id").asString()).isEqualTo(session.toString());
      assertThat(relayed.body().path("message").asString())
          .isEqualTo("What are your trading hours?");
      assertThat(withoutPresence(customerSocket.drain(QUIET)))
          .as("neither the message nor support-service's answer is echoed")
          .isEmpty();

      UUID question =
          Events.supportMessageCreated(
              customer.orgId(), session, "user", "What are your trading hours?", customer.id());
      UUID answer =
          Events.supportMessageCreated(
              customer.orgId(), session, "bot", "Monday to Friday, 9:30 to 4.", null);

      for (TestSocket socket : List.of(customerSocket, agentSocket)) {
        JsonNode first = socket.await(ChatSocketIT::isMessage, WAIT).path("data");
        assertThat(first.path("id").asString()).isEqualTo(question.toString());
        assertThat(first.path("message_id").asString()).isEqualTo(question.toString());
        assertThat(first.path("message_type").asString()).isEqualTo("user");
        assertThat(first.path("sender_id").asString()).isEqualTo(customer.id().toString());
        JsonNode second = socket.await(ChatSocketIT::isMessage, WAIT).path("data");
        assertThat(second.path("id").asString()).isEqualTo(answer.toString());
        assertThat(second.path("session_id").asString()).isEqualTo(session.toString());
        assertThat(second.path("content").asString()).isEqualTo("Monday to Friday, 9:30 to 4.");
        assertThat(second.path("message_type").asString()).isEqualTo("bot");
        assertThat(second.path("status").asString()).isEqualTo("sent");
        assertThat(second.path("timestamp").asString()).isNotBlank();
        assertThat(second.get("sender_id").isNull()).isTrue();
        JsonNode citation = second.path("citations").path(0);
        assertThat(citation.path("source").asString()).isEqualTo("trading_policy_v2.1");
        assertThat(citation.path("title").asString())
            .isEqualTo("Trading Hours and Market Schedule");
        assertThat(citation.path("url").asString()).isEqualTo("/policies/trading-hours");
        assertThat(citation.path("excerpt").asString()).startsWith("Standard market hours");
        assertThat(citation.path("confidence").asDouble()).isEqualTo(0.95);
        assertThat(socket.drain(QUIET)).as("each message once").noneMatch(ChatSocketIT::isMessage);
      }
    }
  }

  @Test
  void staffWriteAsTheAgentThroughMessagesSendAndARoleElsewhereCountsForNothing() {
    UUID org = UUID.randomUUID();
    TestUser agent = TestUsers.create(org, "agent");
    TestUser repHere = TestUsers.create(org, "rep", Map.of(UUID.randomUUID(), "admin"));
    UUID session = FakeSupport.open(org);
    try (TestSocket agentSocket = join(agent, session);
        TestSocket repSocket = join(repHere, session)) {
      agentSocket.send("{\"type\":\"message\",\"content\":\"Hi, I am Sam from support.\"}");
      await().atMost(WAIT).until(() -> FakeSupport.relayedTo(session).size() == 1);
      repSocket.send("{\"type\":\"message\",\"content\":\"Hi Sam\"}");
      await().atMost(WAIT).until(() -> FakeSupport.relayedTo(session).size() == 2);

      FakeSupport.Relayed fromAgent = FakeSupport.relayedTo(session).get(0);
      assertThat(fromAgent.path()).isEqualTo("/api/v1/support/messages/send");
      assertThat(fromAgent.subject()).isEqualTo(agent.id().toString());
      assertThat(fromAgent.body().path("content").asString())
          .isEqualTo("Hi, I am Sam from support.");
      assertThat(fromAgent.body().path("message_type").asString()).isEqualTo("agent");
      FakeSupport.Relayed fromRep = FakeSupport.relayedTo(session).get(1);
      assertThat(fromRep.path())
          .as("an admin elsewhere is a customer in this organization")
          .isEqualTo("/api/v1/support/chat/process");
      assertThat(withoutPresence(agentSocket.drain(QUIET))).isEmpty();
    }
  }

  @Test
  void messageEventsReachOnlyTheirSessionsSocketsOfTheirOrganizationAndTheEventsStream() {
    TestUser customer = TestUsers.inNewOrganization("rep");
    TestUser agent = TestUsers.create(customer.orgId(), "agent");
    TestUser outsider = TestUsers.inNewOrganization("rep");
    UUID session = FakeSupport.open(customer.orgId());
    UUID otherSession = FakeSupport.open(customer.orgId());
    UUID outsidersSession = FakeSupport.open(outsider.orgId());
    try (TestSocket mine = join(customer, session);
        TestSocket otherSessions = join(agent, otherSession);
        TestSocket outsiders = join(outsider, outsidersSession);
        TestSocket events = TestSocket.open(port, "/ws/events?token=" + agent.token())) {
      assertThat(events.next().path("event").asString()).isEqualTo("connection.ready");

      UUID shown = Events.supportMessageCreated(customer.orgId(), session, "user", "Hi", null);
      Events.supportMessageCreated(outsider.orgId(), session, "user", "Not yours", null);

      assertThat(mine.await(ChatSocketIT::isMessage, WAIT).path("data").path("id").asString())
          .isEqualTo(shown.toString());
      JsonNode streamed =
          events.await(m -> "support.message.created".equals(m.path("event").asString()), WAIT);
      assertThat(streamed.path("data").path("message_id").asString()).isEqualTo(shown.toString());
      assertThat(mine.drain(QUIET)).as("another organization's event").isEmpty();
      assertThat(otherSessions.drain(QUIET)).as("another session's message").isEmpty();
      assertThat(outsiders.drain(QUIET)).as("another organization's socket").isEmpty();
    }
  }

  @Test
  void anEscalationReachesTheSessionAndAnAgentJoiningItIsAnnounced() {
    TestUser customer = TestUsers.inNewOrganization("rep");
    TestUser agent = TestUsers.create(customer.orgId(), "agent");
    UUID session = FakeSupport.open(customer.orgId());
    try (TestSocket customerSocket = join(customer, session)) {
      UUID ticket = Events.supportEscalated(customer.orgId(), session, "customer_request");
      JsonNode escalated = customerSocket.await(ChatSocketIT::isEscalation, WAIT).path("data");
      assertThat(escalated.path("session_id").asString()).isEqualTo(session.toString());
      assertThat(escalated.path("status").asString()).isEqualTo("escalated");
      assertThat(escalated.path("reason").asString()).isEqualTo("customer_request");
      assertThat(escalated.path("ticket_id").asString()).isEqualTo(ticket.toString());

      FakeSupport.status(session, "escalated");
      try (TestSocket agentSocket = join(agent, session)) {
        assertPresence(customerSocket.next(), agent, "agent", "online");
        JsonNode joined = customerSocket.await(ChatSocketIT::isEscalation, WAIT).path("data");
        assertThat(joined.path("session_id").asString()).isEqualTo(session.toString());
        assertThat(joined.path("status").asString()).isEqualTo("agent_joined");
        assertThat(joined.path("agent_id").asString()).isEqualTo(agent.id().toString());
        JsonNode toTheAgent = agentSocket.await(ChatSocketIT::isEscalation, WAIT).path("data");
        assertThat(toTheAgent.path("status").asString()).isEqualTo("agent_joined");
      }
    }
  }

  @Test
  void typingReachesTheOtherSocketsButNotTheSenderAndPresenceTellsWhoJoinsAndLeaves() {
    TestUser customer = TestUsers.inNewOrganization("rep");
    TestUser agent = TestUsers.create(customer.orgId(), "agent");
    UUID session = FakeSupport.open(customer.orgId());
    try (TestSocket customerSocket = join(customer, session)) {
      TestSocket agentSocket = join(agent, session);
      assertPresence(agentSocket.next(), customer, "customer", "online");
      assertPresence(customerSocket.next(), agent, "agent", "online");

      customerSocket.send("{\"type\":\"typing\",\"is_typing\":true}");
      JsonNode typing = agentSocket.next().path("data");
      assertThat(typing.path("session_id").asString()).isEqualTo(session.toString());
      assertThat(typing.path("user_id").asString()).isEqualTo(customer.id().toString());
      assertThat(typing.path("role").asString()).isEqualTo("customer");
      assertThat(typing.path("is_typing").asBoolean()).isTrue();
      assertThat(customerSocket.drain(QUIET)).as("the sender hears not its own typing").isEmpty();

      agentSocket.close();
      assertPresence(customerSocket.next(), agent, "agent", "offline");
    }
  }

  @Test
  void supportUnavailableIsServiceUnavailableThenA1013AndARefusedMessageKeepsTheSocket() {
    TestUser customer = TestUsers.inNewOrganization("rep");
    for (FakeSupport.Answer down : List.of(FakeSupport.Answer.BROKEN, FakeSupport.Answer.DROPPED)) {
      UUID session = FakeSupport.open(customer.orgId(), down);
      try (TestSocket socket =
          TestSocket.withBearer(port, "/ws/chat/" + session, customer.token())) {
        assertError(socket.next(), "SERVICE_UNAVAILABLE");
        assertThat(socket.closed(WAIT).code()).as(down.name()).isEqualTo(1013);
      }
    }

    UUID session = FakeSupport.open(customer.orgId());
    try (TestSocket socket = join(customer, session)) {
      socket.send("{\"type\":\"message\",\"content\":\"refuse\"}");
      JsonNode refused = socket.next();
      assertError(refused, "VALIDATION_ERROR");
      assertThat(refused.path("data").path("message").asString())
          .isEqualTo("The message breaks the chat's rules");
      socket.send("{\"type\":\"message\",\"content\":\"broken\"}");
      assertError(socket.next(), "SERVICE_UNAVAILABLE");
      assertThat(socket.isClosed()).isFalse();
    }
  }

  @Test
  void garbageAndInvalidMessagesAreValidationErrorsAndTheSocketStaysOpen() {
    TestUser customer = TestUsers.inNewOrganization("rep");
    UUID session = FakeSupport.open(customer.orgId());
    try (TestSocket socket = join(customer, session)) {
      List<String> invalid =
          List.of(
              "{not json",
              "[1,2]",
              "{\"type\":7}",
              "{\"type\":\"shout\"}",
              "{\"type\":\"message\"}",
              "{\"type\":\"message\",\"content\":\"" + "x".repeat(4001) + "\"}",
              "{\"type\":\"typing\",\"is_typing\":\"yes\"}",
              "{\"type\":\"message\",\"content\":\"" + "x".repeat(40 * 1024) + "\"}");
      for (String message : invalid) {
        socket.send(message);
        assertError(socket.next(), "VALIDATION_ERROR");
      }
      assertThat(FakeSupport.relayedTo(session)).isEmpty();

      socket.send("{\"type\":\"message\",\"content\":\"" + "x".repeat(4000) + "\"}");
      await().atMost(WAIT).until(() -> FakeSupport.relayedTo(session).size() == 1);
      assertThat(socket.isClosed()).isFalse();
    }
  }

  /** A socket of the user, joined to the session: it has heard its own presence. */
  private TestSocket join(TestUser user, UUID session) {
    TestSocket socket = TestSocket.withBearer(port, "/ws/chat/" + session, user.token());
    JsonNode own = socket.next();
    assertThat(own.path("type").asString()).as("joined: %s", own).isEqualTo("presence");
    assertThat(own.path("data").path("user_id").asString()).isEqualTo(user.id().toString());
    return socket;
  }

  private static void assertError(JsonNode message, String code) {
    assertThat(message.path("type").asString()).as("%s", message).isEqualTo("error");
    assertThat(message.path("data").path("code").asString()).as("%s", message).isEqualTo(code);
    assertThat(message.path("data").path("message").asString()).isNotBlank();
  }

  private static void assertPresence(JsonNode message, TestUser user, String role, String status) {
    assertThat(message.path("type").asString()).as("%s", message).isEqualTo("presence");
    JsonNode data = message.path("data");
    assertThat(data.path("user_id").asString()).isEqualTo(user.id().toString());
    assertThat(data.path("role").asString()).isEqualTo(role);
    assertThat(data.path("status").asString()).isEqualTo(status);
    assertThat(data.path("session_id").asString()).isNotBlank();
  }

  private static boolean isMessage(JsonNode message) {
    return "message".equals(message.path("type").asString());
  }

  private static boolean isEscalation(JsonNode message) {
    return "escalation".equals(message.path("type").asString());
  }

  private static List<JsonNode> withoutPresence(List<JsonNode> messages) {
    return messages.stream()
        .filter(message -> !"presence".equals(message.path("type").asString()))
        .toList();
  }
}
