package io.dealflow.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /cable}: the Spotlight channels over the ActionCable wire protocol. */
class CableSocketIT extends RunningSockets {

  private static final String LEADS = "{\"channel\":\"LeadChannel\"}";
  private static final String CONVERSATIONS = "{\"channel\":\"ConversationChannel\"}";

  @BeforeEach
  void eventsFlow() {
    awaitEventsFlowing();
  }

  @Test
  void aCableSocketIsWelcomedPingedEveryThreeSecondsAndConfirmsSubscriptions() {
    TestUser alice = TestUsers.inNewOrganization("rep");
    try (TestSocket cable = cable(alice)) {
      assertThat(cable.subprotocol()).isEqualTo("actioncable-v1-json");

      JsonNode ping =
          cable.await(m -> "ping".equals(m.path("type").asString()), Duration.ofSeconds(5));
      assertThat(ping.path("message").asLong())
          .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(10L));

      subscribe(cable, LEADS);
      JsonNode confirmed = nextMessage(cable);
      assertThat(confirmed.path("type").asString()).isEqualTo("confirm_subscription");
      assertThat(confirmed.path("identifier").asString()).isEqualTo(LEADS);
    }
  }

  @Test
  void anUnknownChannelIsRejected() {
    TestUser alice = TestUsers.inNewOrganization("rep");
    try (TestSocket cable = cable(alice)) {
      String identifier = "{\"channel\":\"AdminChannel\"}";
      subscribe(cable, identifier);

      JsonNode rejected = nextMessage(cable);
      assertThat(rejected.path("type").asString()).isEqualTo("reject_subscription");
      assertThat(rejected.path("identifier").asString()).isEqualTo(identifier);
    }
  }

  @Test
  void aLeadStatusChangeReachesTheLeadChannelOfItsOrganizationOnly() {
    TestUser alice = TestUsers.inNewOrganization("rep");
    TestUser bob = TestUsers.inNewOrganization("rep");
    try (TestSocket alicesCable = subscribed(alice, LEADS);
        TestSocket bobsCable = subscribed(bob, LEADS)) {

      UUID lead = UUID.randomUUID();
      Events.publish("lead.status.changed", alice.orgId(), lead.toString(), statusChanged(lead));
      JsonNode frame = nextMessage(alicesCable);
      assertThat(frame.path("identifier").asString()).isEqualTo(LEADS);
      JsonNode message = frame.path("message");
      assertThat(message.path("type").asString()).isEqualTo("lead_status_changed");
      assertThat(message.path("lead_id").asString()).isEqualTo(lead.toString());
      assertThat(message.path("data").path("status").asString()).isEqualTo("qualified");
      assertThat(message.path("data").path("previous_status").asString()).isEqualTo("contacted");
      assertThat(message.path("data").path("score").asInt()).isEqualTo(85);

      UUID bobsLead = UUID.randomUUID();
      Events.publish(
          "lead.status.changed", bob.orgId(), bobsLead.toString(), statusChanged(bobsLead));
      assertThat(nextMessage(bobsCable).path("message").path("lead_id").asString())
          .as("bob's first lead message is his own, alice's never reached him")
          .isEqualTo(bobsLead.toString());
    }
  }

  @Test
  void aScoreChangeReachesTheLeadChannelWithItsFactorsAndNoOtherOrganization() {
    TestUser alice = TestUsers.inNewOrganization("rep");
    TestUser bob = TestUsers.inNewOrganization("rep");
    try (TestSocket alicesCable = subscribed(alice, LEADS);
        TestSocket bobsCable = subscribed(bob, LEADS)) {

      UUID lead = UUID.randomUUID();
      Events.publish("lead.score.changed", alice.orgId(), lead.toString(), scoreChanged(lead));
      JsonNode frame = nextMessage(alicesCable);
      assertThat(frame.path("identifier").asString()).isEqualTo(LEADS);
      JsonNode message = frame.path("message");
      assertThat(message.path("type").asString()).isEqualTo("lead_score_changed");
      assertThat(message.path("lead_id").asString()).isEqualTo(lead.toString());
      assertThat(message.path("data").path("previous_score").asInt()).isEqualTo(40);
      assertThat(message.path("data").path("score").asInt()).isEqualTo(60);
      assertThat(message.path("data").has("lead_id")).isFalse();
      JsonNode budget = message.path("data").path("factors").get(0);
      assertThat(budget.path("criterion").asString()).isEqualTo("budget");
      assertThat(budget.path("points").asInt()).isEqualTo(20);
      assertThat(budget.path("max_points").asInt()).isEqualTo(20);
      assertThat(budget.path("reason").asString()).isEqualTo("Budget of 120000");

      UUID bobsLead = UUID.randomUUID();
      Events.publish(
          "lead.score.changed", bob.orgId(), bobsLead.toString(), scoreChanged(bobsLead));
      assertThat(nextMessage(bobsCable).path("message").path("lead_id").asString())
          .as("bob's first lead message is his own, alice's never reached him")
          .isEqualTo(bobsLead.toString());
    }
  }

  @Test
  void everyStatusChangeReachesTheConversationChannelAndCompletionOnlyOnce() {
    TestUser alice = TestUsers.inNewOrganization("rep");
    try (TestSocket cable = subscribed(alice, CONVERSATIONS)) {
      UUID conversation = UUID.randomUUID();
      UUID lead = UUID.randomUUID();

      Events.publish(
          "conversation.status.changed",
          alice.orgId(),
          conversation.toString(),
          conversationStatusChanged(conversation, lead, "in_progress", "failed"));
      JsonNode failed = nextMessage(cable).path("message");
      assertThat(failed.path("type").asString()).isEqualTo("conversation_status");
      assertThat(failed.path("conversation_id").asString()).isEqualTo(conversation.toString());
      assertThat(failed.path("data").path("status").asString()).isEqualTo("failed");
      assertThat(failed.path("data").path("previous_status").asString()).isEqualTo("in_progress");
      assertThat(failed.path("data").path("lead_id").asString()).isEqualTo(lead.toString());

      Events.publish(
          "conversation.status.changed",
          alice.orgId(),
          conversation.toString(),
          conversationStatusChanged(conversation, lead, "failed", "completed"));
      ObjectNode completed = Events.data();
      completed.put("conversation_id", conversation.toString());
      completed.put("lead_id", lead.toString());
      completed.put("score", 8.5);
      completed.put("duration", 180);
      completed.put("sentiment", "positive");
      Events.publish("conversation.completed", alice.orgId(), conversation.toString(), completed);

      JsonNode done = nextMessage(cable).path("message");
      assertThat(done.path("type").asString()).isEqualTo("conversation_status");
      assertThat(done.path("data").path("status").asString()).isEqualTo("completed");
      assertThat(done.path("data").path("score").asDouble()).isEqualTo(8.5);
      assertThat(
              cable.drain(Duration.ofSeconds(2)).stream()
                  .filter(m -> !"ping".equals(m.path("type").asString())))
          .as("completion is told once, with its score")
          .isEmpty();
    }
  }

  @Test
  void aTranscriptLineReachesTheConversationChannelInTheSeedsShape() {
    TestUser alice = TestUsers.inNewOrganization("rep");
    try (TestSocket cable = subscribed(alice, CONVERSATIONS)) {
      UUID conversation = UUID.randomUUID();
      UUID line = UUID.randomUUID();
      ObjectNode data = Events.data();
      data.put("transcript_id", line.toString());
      data.put("conversation_id", conversation.toString());
      data.put("content", "We could start next quarter");
      data.put("speaker", "human");
      data.put("sentiment", "positive");
      data.put("timestamp", 45.2);
      data.putArray("keywords").add("quarter");

      Events.publish("transcript.added", alice.orgId(), conversation.toString(), data);

      JsonNode message = nextMessage(cable).path("message");
      assertThat(message.path("type").asString()).isEqualTo("transcript_update");
      assertThat(message.path("conversation_id").asString()).isEqualTo(conversation.toString());
      assertThat(message.path("data").path("id").asString()).isEqualTo(line.toString());
      assertThat(message.path("data").path("content").asString())
          .isEqualTo("We could start next quarter");
      assertThat(message.path("data").path("speaker").asString()).isEqualTo("human");
      assertThat(message.path("data").path("timestamp").asDouble()).isEqualTo(45.2);
    }
  }

  @Test
  void aCableWithoutAValidTokenIsToldUnauthorizedAndClosedWith4401() {
    try (TestSocket cable = TestSocket.open(port, "/cable?token=forged", "actioncable-v1-json")) {
      JsonNode disconnect = cable.next();
      assertThat(disconnect.path("type").asString()).isEqualTo("disconnect");
      assertThat(disconnect.path("reason").asString()).isEqualTo("unauthorized");
      assertThat(disconnect.path("reconnect").asBoolean()).isFalse();
      assertThat(cable.closed(Duration.ofSeconds(10)).code()).isEqualTo(4401);
    }
  }

  @Test
  void theAuthorizationHeaderMayCarryTheToken() {
    TestUser alice = TestUsers.inNewOrganization("rep");
    try (TestSocket cable =
        TestSocket.withBearer(port, "/cable", alice.token(), "actioncable-v1-json")) {
      assertThat(cable.next().path("type").asString()).isEqualTo("welcome");
      subscribe(cable, LEADS);
      assertThat(nextMessage(cable).path("type").asString()).isEqualTo("confirm_subscription");

      UUID lead = UUID.randomUUID();
      Events.publish("lead.status.changed", alice.orgId(), lead.toString(), statusChanged(lead));
      JsonNode message = nextMessage(cable).path("message");
      assertThat(message.path("type").asString()).isEqualTo("lead_status_changed");
      assertThat(message.path("lead_id").asString()).isEqualTo(lead.toString());
    }
  }

  @Test
  void anInvalidTokenInTheAuthorizationHeaderIsClosedWith4401LikeOneOnTheUrl() {
    try (TestSocket inHeader =
            TestSocket.withBearer(port, "/cable", "forged", "actioncable-v1-json");
        TestSocket onUrl = TestSocket.open(port, "/cable?token=forged", "actioncable-v1-json")) {
      assertThat(inHeader.next().path("reason").asString()).isEqualTo("unauthorized");
      assertThat(inHeader.closed(Duration.ofSeconds(10)))
          .isEqualTo(onUrl.closed(Duration.ofSeconds(10)))
          .extracting(TestSocket.Closed::code)
          .isEqualTo(4401);
    }
  }

  private TestSocket cable(TestUser user) {
    TestSocket cable = TestSocket.open(port, "/cable?token=" + user.token(), "actioncable-v1-json");
    assertThat(cable.next().path("type").asString()).isEqualTo("welcome");
    return cable;
  }

  /** A cable of the user subscribed to a channel, its confirmation read. */
  private TestSocket subscribed(TestUser user, String identifier) {
    TestSocket cable = cable(user);
    subscribe(cable, identifier);
    nextMessage(cable);
    return cable;
  }

  private static void subscribe(TestSocket cable, String identifier) {
    ObjectNode command = Events.data();
    command.put("command", "subscribe");
    command.put("identifier", identifier);
    cable.send(command.toString());
  }

  /** The next frame that is not one of the 3-second pings. */
  private static JsonNode nextMessage(TestSocket cable) {
    return cable.await(m -> !"ping".equals(m.path("type").asString()), Duration.ofSeconds(15));
  }

  private static ObjectNode scoreChanged(UUID lead) {
    ObjectNode data = Events.data();
    data.put("lead_id", lead.toString());
    data.put("previous_score", 40);
    data.put("score", 60);
    ObjectNode budget = data.putArray("factors").addObject();
    budget.put("criterion", "budget");
    budget.put("points", 20);
    budget.put("max_points", 20);
    budget.put("reason", "Budget of 120000");
    return data;
  }

  private static ObjectNode conversationStatusChanged(
      UUID conversation, UUID lead, String previous, String status) {
    ObjectNode data = Events.data();
    data.put("conversation_id", conversation.toString());
    data.put("lead_id", lead.toString());
    data.put("previous_status", previous);
    data.put("status", status);
    return data;
  }

  private static ObjectNode statusChanged(UUID lead) {
    ObjectNode data = Events.data();
    data.put("lead_id", lead.toString());
    data.put("previous_status", "contacted");
    data.put("status", "qualified");
    data.put("score", 85);
    return data;
  }
}
