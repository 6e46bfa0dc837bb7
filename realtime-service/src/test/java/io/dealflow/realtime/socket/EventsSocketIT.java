package io.dealflow.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.KeycloakTokens;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /ws/events}: the VectorOS event stream, per organization, with replay. */
class EventsSocketIT extends RunningSockets {

  private static final Duration SHORT = Duration.ofSeconds(2);

  @Autowired MeterRegistry meters;

  @BeforeEach
  void eventsFlow() {
    awaitEventsFlowing();
  }

  @Test
  void openSocketsAreCountedForOperators() {
    TestUser dana = TestUsers.inNewOrganization("rep");
    double before = openEventSockets();
    try (TestSocket socket = eventsSocket(dana)) {
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(openEventSockets()).isEqualTo(before + 1));
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(openEventSockets()).isEqualTo(before));
  }

  private double openEventSockets() {
    return meters.get("dealflow.sockets.open").tag("endpoint", "/ws/events").gauge().value();
  }

  @Test
  void aSocketReceivesDealCreatedOfItsOrganizationAndNothingOfAnother() {
    TestUser alice = TestUsers.inNewOrganization("rep");
    TestUser bob = TestUsers.inNewOrganization("rep");
    try (TestSocket aliceSocket = eventsSocket(alice);
        TestSocket bobSocket = eventsSocket(bob)) {
      UUID alicesDeal = Events.dealCreated(alice.orgId(), "Acme renewal");
      JsonNode received = aliceSocket.next();
      assertThat(received.path("event").asString()).isEqualTo("deal.created");
      assertThat(received.path("id").asString()).isEqualTo(alicesDeal.toString());
      assertThat(received.path("data").path("title").asString()).isEqualTo("Acme renewal");

      UUID bobsDeal = Events.dealCreated(bob.orgId(), "Globex pilot");
      JsonNode bobsFirst = bobSocket.next();
      assertThat(bobsFirst.path("id").asString())
          .as("bob's first event is his own, alice's never reached him")
          .isEqualTo(bobsDeal.toString());
      assertThat(aliceSocket.drain(SHORT)).isEmpty();
    }
  }

  @Test
  void supportConversationsReachTheSupportStaffButNotOtherMembers() {
    UUID orgId = UUID.randomUUID();
    TestUser agent = TestUsers.create(orgId, "agent");
    TestUser customer = TestUsers.create(orgId, "rep");
    try (TestSocket agentSocket = eventsSocket(agent);
        TestSocket customerSocket = eventsSocket(customer)) {
      UUID message =
          Events.supportMessageCreated(
              orgId, UUID.randomUUID(), "user", "Where is my parcel?", customer.id());
      JsonNode received = agentSocket.next();
      assertThat(received.path("event").asString()).isEqualTo("support.message.created");
      assertThat(received.path("data").path("message_id").asString()).isEqualTo(message.toString());

      UUID deal = Events.dealCreated(orgId, "Initech upgrade");
      assertThat(customerSocket.next().path("id").asString())
          .as("the customer's first event is the deal: the support message never reached it")
          .isEqualTo(deal.toString());
    }
  }

  @Test
  void aRepAssignedOfPlaybookReachesItsOrganizationsSocketAndNoOther() {
    TestUser alice = TestUsers.inNewOrganization("rep");
    TestUser bob = TestUsers.inNewOrganization("rep");
    try (TestSocket aliceSocket = eventsSocket(alice);
        TestSocket bobSocket = eventsSocket(bob)) {
      UUID assignment = UUID.randomUUID();
      UUID event = Events.repAssigned(alice.orgId(), assignment, alice.id());

      JsonNode received = aliceSocket.next();
      assertThat(received.path("event").asString()).isEqualTo("rep.assigned");
      assertThat(received.path("id").asString()).isEqualTo(event.toString());
      assertThat(received.path("data").path("assignment_id").asString())
          .isEqualTo(assignment.toString());
      assertThat(received.path("data").path("user_id").asString()).isEqualTo(alice.id().toString());
      assertThat(received.path("data").path("min_practice_minutes").asInt()).isEqualTo(30);

      UUID bobsDeal = Events.dealCreated(bob.orgId(), "Hooli pilot");
      assertThat(bobSocket.next().path("id").asString())
          .as("bob's first event is his own, alice's assignment never reached him")
          .isEqualTo(bobsDeal.toString());
    }
  }

  @Test
  void theFirstMessageMayCarryTheToken() {
    TestUser carol = TestUsers.inNewOrganization("rep");
    try (TestSocket socket = TestSocket.open(port, "/ws/events")) {
      socket.send("{\"type\":\"auth\",\"token\":\"" + carol.token() + "\"}");
      JsonNode ready = socket.next();
      assertThat(ready.path("event").asString()).isEqualTo("connection.ready");
      assertThat(ready.path("data").path("org_id").asString()).isEqualTo(carol.orgId().toString());

      Events.publish("integration.synced", carol.orgId(), UUID.randomUUID().toString(), synced());
      JsonNode synced = socket.next();
      assertThat(synced.path("event").asString()).isEqualTo("integration.synced");
      assertThat(synced.path("data").path("records_synced").asInt()).isEqualTo(42);
    }
  }

  @Test
  void theAuthorizationHeaderMayCarryTheToken() {
    TestUser dave = TestUsers.inNewOrganization("rep");
    try (TestSocket socket = TestSocket.withBearer(port, "/ws/events", dave.token())) {
      JsonNode ready = socket.next();
      assertThat(ready.path("event").asString()).isEqualTo("connection.ready");
      assertThat(ready.path("data").path("org_id").asString()).isEqualTo(dave.orgId().toString());

      UUID deal = Events.dealCreated(dave.orgId(), "Initech expansion");
      JsonNode received = socket.next();
      assertThat(received.path("event").asString()).isEqualTo("deal.created");
      assertThat(received.path("id").asString()).isEqualTo(deal.toString());
    }
  }

  @Test
  void anInvalidTokenInTheAuthorizationHeaderIsRefusedWith4401LikeOneOnTheUrl() {
    try (TestSocket inHeader = TestSocket.withBearer(port, "/ws/events", "not-a-jwt");
        TestSocket onUrl = TestSocket.open(port, "/ws/events?token=not-a-jwt")) {
      assertThat(inHeader.closed(SHORT.multipliedBy(5)))
          .isEqualTo(onUrl.closed(SHORT.multipliedBy(5)))
          .extracting(TestSocket.Closed::code)
          .isEqualTo(4401);
    }
  }

  @Test
  void anInvalidTokenIsRefusedWith4401() {
    try (TestSocket onHandshake = TestSocket.open(port, "/ws/events?token=not-a-jwt");
        TestSocket inFirstMessage = TestSocket.open(port, "/ws/events")) {
      inFirstMessage.send("{\"type\":\"auth\",\"token\":\"not-a-jwt\"}");

      assertThat(onHandshake.closed(SHORT.multipliedBy(5)).code()).isEqualTo(4401);
      assertThat(inFirstMessage.closed(SHORT.multipliedBy(5)).code()).isEqualTo(4401);
    }
  }

  @Test
  void aFirstMessageOtherThanAuthIsRefusedWith4401() {
    try (TestSocket socket = TestSocket.open(port, "/ws/events")) {
      socket.send("{\"type\":\"ping\"}");

      TestSocket.Closed closed = socket.closed(SHORT.multipliedBy(5));
      assertThat(closed.code()).isEqualTo(4401);
      assertThat(closed.reason()).contains("authenticate first");
    }
  }

  @Test
  void theSixthSocketOfAUserPastALimitOfFiveIsRefusedWith4429() {
    TestUser dave = TestUsers.inNewOrganization("rep");
    List<TestSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        sockets.add(eventsSocket(dave));
      }
      TestSocket sixth = TestSocket.open(port, "/ws/events?token=" + dave.token());
      sockets.add(sixth);

      TestSocket.Closed refused = sixth.closed(SHORT.multipliedBy(5));
      assertThat(refused.code()).isEqualTo(4429);
      assertThat(refused.reason()).contains("at most 5");
      assertThat(sockets.subList(0, 5)).noneMatch(TestSocket::isClosed);

      sockets.remove(0).close();
      try (TestSocket again = eventsSocket(dave)) {
        assertThat(again.isClosed()).as("a freed place admits a new socket").isFalse();
      }
    } finally {
      sockets.forEach(TestSocket::close);
    }
  }

  @Test
  void reconnectingWithTheLastEventIdReplaysWhatWasMissedOnce() {
    TestUser erin = TestUsers.inNewOrganization("rep");
    UUID seen;
    try (TestSocket first = eventsSocket(erin)) {
      seen = Events.dealCreated(erin.orgId(), "seen before the drop");
      assertThat(first.next().path("id").asString()).isEqualTo(seen.toString());
    }
    UUID missedOne;
    UUID missedTwo;
    try (TestSocket witness = eventsSocket(erin)) {
      missedOne = Events.dealCreated(erin.orgId(), "missed one");
      missedTwo = Events.dealCreated(erin.orgId(), "missed two");
      witness.await(
          m -> missedTwo.toString().equals(m.path("id").asString()), SHORT.multipliedBy(5));
    }

    try (TestSocket resumed =
        TestSocket.open(port, "/ws/events?token=" + erin.token() + "&last_event_id=" + seen)) {
      assertThat(resumed.next().path("event").asString()).isEqualTo("connection.ready");
      UUID live = Events.dealCreated(erin.orgId(), "after the reconnect");

      List<String> ids = new ArrayList<>();
      ids.add(resumed.next().path("id").asString());
      ids.add(resumed.next().path("id").asString());
      ids.add(resumed.next().path("id").asString());
      resumed.drain(SHORT).forEach(extra -> ids.add(extra.path("id").asString()));

      assertThat(ids).containsExactly(missedOne.toString(), missedTwo.toString(), live.toString());
    }
  }

  @Test
  void aLastEventIdNoLongerBufferedSaysTheReplayIsIncomplete() {
    TestUser frank = TestUsers.inNewOrganization("rep");
    try (TestSocket socket =
        TestSocket.open(
            port, "/ws/events?token=" + frank.token() + "&last_event_id=" + UUID.randomUUID())) {
      assertThat(socket.next().path("event").asString()).isEqualTo("connection.ready");
      assertThat(socket.next().path("event").asString()).isEqualTo("replay.incomplete");
    }
  }

  @Test
  void theDemoRepReceivesTheDemoOrganizationsEvents() {
    UUID demoOrg = UUID.fromString(KeycloakTokens.DEMO_ORG_ID);
    try (TestSocket socket =
        TestSocket.open(port, "/ws/events?token=" + KeycloakTokens.demoRep())) {
      assertThat(socket.next().path("data").path("org_id").asString())
          .isEqualTo(demoOrg.toString());
      UUID deal = Events.dealCreated(demoOrg, "demo deal");
      socket.await(m -> deal.toString().equals(m.path("id").asString()), SHORT.multipliedBy(5));
    }
  }

  @Test
  void theEventsVectorOsShowsCarryItsObjects() {
    TestUser grace = TestUsers.inNewOrganization("rep");
    try (TestSocket socket = eventsSocket(grace)) {
      UUID dealId = UUID.randomUUID();
      ObjectNode deal = Events.data();
      deal.put("deal_id", dealId.toString());
      deal.put("workspace_id", grace.orgId().toString());
      deal.put("title", "Acme renewal");
      deal.put("value", new BigDecimal("25000.00"));
      deal.put("currency", "USD");
      deal.put("stage", "proposal");
      deal.put("probability", 50);
      deal.putNull("assigned_to");
      deal.put("contact_name", "Jane Doe");
      deal.putNull("company_name");
      deal.put("expected_close_date", "2027-01-31");
      deal.putNull("closed_at");
      deal.put("source", "manual");
      deal.putNull("external_id");
      deal.put("created_by", grace.id().toString());
      deal.put("created_at", "2026-12-07T10:00:00.123456Z");
      deal.put("updated_at", "2026-12-07T10:00:00.123456Z");
      deal.put("version", 0);
      Events.publish("deal.created", grace.orgId(), dealId.toString(), deal);

      JsonNode created = socket.next().get("data");
      assertThat(created.propertyNames())
          .containsExactly(
              "id",
              "workspaceId",
              "title",
              "value",
              "currency",
              "stage",
              "probability",
              "assignedTo",
              "contactName",
              "companyName",
              "expectedCloseDate",
              "closedAt",
              "source",
              "externalId",
              "createdBy",
              "createdAt",
              "updatedAt",
              "version");
      assertThat(created.get("id").asString()).isEqualTo(dealId.toString());
      assertThat(created.get("value").decimalValue()).isEqualByComparingTo("25000");
      assertThat(created.get("expectedCloseDate").asString()).isEqualTo("2027-01-31");
      assertThat(created.get("assignedTo").isNull()).isTrue();

      UUID insightId = UUID.randomUUID();
      ObjectNode insight = Events.data();
      insight.put("id", insightId.toString());
      insight.put("workspace_id", grace.orgId().toString());
      insight.put("type", "pipeline_concentration");
      insight.put("title", "Three deals hold 90% of the open pipeline");
      insight.put("description", "90% of the open pipeline (45,000 of 50,000 across 5 deals)");
      insight.put("priority", "high");
      insight.put("confidence", 0.8);
      insight.put("status", "new");
      insight.putArray("subjects").addObject().put("type", "deal").put("id", dealId.toString());
      insight.put("created_at", "2026-12-07T10:00:01Z");
      insight.put("updated_at", "2026-12-07T10:00:01Z");
      Events.publish(
          "/dealflow/insights-service",
          "insight.generated",
          grace.orgId(),
          insightId.toString(),
          insight);

      JsonNode generated = socket.next().get("data");
      assertThat(generated.propertyNames())
          .containsExactly(
              "id",
              "workspaceId",
              "type",
              "title",
              "description",
              "priority",
              "confidence",
              "status",
              "subjects",
              "createdAt",
              "updatedAt");
      assertThat(generated.get("subjects").get(0).get("id").asString())
          .isEqualTo(dealId.toString());
      assertThat(generated.get("type").asString()).isEqualTo("pipeline_concentration");

      Events.publish("integration.synced", grace.orgId(), UUID.randomUUID().toString(), synced());
      JsonNode synced = socket.next().get("data");
      assertThat(synced.propertyNames())
          .containsExactly("integration_id", "status", "records_synced");
      assertThat(synced.get("status").asString()).isEqualTo("success");

      // Events the seed does not show keep their catalogue payload.
      UUID assignment = UUID.randomUUID();
      Events.repAssigned(grace.orgId(), assignment, grace.id());
      JsonNode assigned = socket.next().get("data");
      assertThat(assigned.get("assignment_id").asString()).isEqualTo(assignment.toString());
    }
  }

  private TestSocket eventsSocket(TestUser user) {
    TestSocket socket = TestSocket.open(port, "/ws/events?token=" + user.token());
    assertThat(socket.next().path("event").asString()).isEqualTo("connection.ready");
    return socket;
  }

  private static ObjectNode synced() {
    var data = Events.data();
    data.put("integration_id", UUID.randomUUID().toString());
    data.put("provider", "hubspot");
    data.put("status", "success");
    data.put("records_synced", 42);
    return data;
  }
}
