package io.dealflow.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two realtime-service instances side by side on one Kafka and one Redis, a support session's
 * customer on one and its agent on the other: presence and typing cross between them (Redis), and
 * each instance shows every message event to its own socket once (Kafka).
 */
class ChatInstancesIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration QUIET = Duration.ofSeconds(2);

  private static ConfigurableApplicationContext one;
  private static ConfigurableApplicationContext two;

  @BeforeAll
  static void startTwoInstances() {
    SocketInstances instances = new SocketInstances();
    one = instances.start();
    two = instances.start();
    SocketInstances.awaitEventsFlowing(one);
    SocketInstances.awaitEventsFlowing(two);
  }

  @AfterAll
  static void stopThem() {
    if (two != null) {
      two.close();
    }
    if (one != null) {
      one.close();
    }
  }

  @Test
  void aSessionsSocketsOnTwoInstancesHearEachOtherAndEachMessageOnce() {
    TestUser customer = TestUsers.inNewOrganization("rep");
    TestUser agent = TestUsers.create(customer.orgId(), "agent");
    UUID session = FakeSupport.open(customer.orgId());
    try (TestSocket customerSocket = join(one, customer, session)) {
      TestSocket agentSocket = join(two, agent, session);
      assertPresence(customerSocket.next(), agent, "agent", "online");
      assertPresence(agentSocket.next(), customer, "customer", "online");

      customerSocket.send("{\"type\":\"typing\",\"is_typing\":true}");
      JsonNode typing = agentSocket.next().path("data");
      assertThat(typing.path("user_id").asString()).isEqualTo(customer.id().toString());
      assertThat(typing.path("role").asString()).isEqualTo("customer");
      assertThat(typing.path("is_typing").asBoolean()).isTrue();
      agentSocket.send("{\"type\":\"typing\",\"is_typing\":false}");
      JsonNode stopped = customerSocket.next().path("data");
      assertThat(stopped.path("user_id").asString()).isEqualTo(agent.id().toString());
      assertThat(stopped.path("role").asString()).isEqualTo("agent");
      assertThat(stopped.path("is_typing").asBoolean()).isFalse();

      UUID message =
          Events.supportMessageCreated(
              customer.orgId(), session, "agent", "How can I help?", agent.id());
      for (TestSocket socket : List.of(customerSocket, agentSocket)) {
        JsonNode shown = socket.next().path("data");
        assertThat(shown.path("id").asString()).isEqualTo(message.toString());
        assertThat(socket.drain(QUIET)).as("each message once, typing not echoed").isEmpty();
      }

      agentSocket.close();
      assertPresence(customerSocket.next(), agent, "agent", "offline");
    }
  }

  private static TestSocket join(
      ConfigurableApplicationContext instance, TestUser user, UUID session) {
    TestSocket socket =
        TestSocket.withBearer(SocketInstances.port(instance), "/ws/chat/" + session, user.token());
    JsonNode own = socket.next();
    assertThat(own.path("type").asString()).as("joined: %s", own).isEqualTo("presence");
    assertThat(own.path("data").path("user_id").asString()).isEqualTo(user.id().toString());
    return socket;
  }

  private static void assertPresence(JsonNode message, TestUser user, String role, String status) {
    assertThat(message.path("type").asString()).as("%s", message).isEqualTo("presence");
    JsonNode data = message.path("data");
    assertThat(data.path("user_id").asString()).isEqualTo(user.id().toString());
    assertThat(data.path("role").asString()).isEqualTo(role);
    assertThat(data.path("status").asString()).isEqualTo(status);
  }
}
