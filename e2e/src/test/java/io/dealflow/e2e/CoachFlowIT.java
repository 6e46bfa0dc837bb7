package io.dealflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Devstack;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A rep coached over the HelloSales socket, all through the gateway: the demo rep signs in, opens
 * {@code /ws}, authenticates, asks the playbook coach (playbook-service, relayed by
 * realtime-service), receives the answer in chunks and {@code chat.complete}, and rates it. With no
 * AI model configured, the offline coach answers from the rep's assigned demo strategy.
 */
class CoachFlowIT {

  @Test
  void aRepAsksTheCoachOverTheSocketAndRatesTheAnswer() throws Exception {
    Http.Response login =
        E2eStack.client()
            .post(
                "/api/v1/auth/login",
                Map.of(
                    "email",
                    "rep@demo.dealflow.local",
                    "password",
                    Devstack.keycloak().demoPassword()));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    String token = login.json().get("access_token").asString();
    Http api = E2eStack.client().bearer(token);
    Http.Response assignments = api.get("/api/v1/sailwind/my/rep-assignments");
    assertThat(assignments.status()).as(assignments.toString()).isEqualTo(200);
    assertThat(assignments.json()).as("the demo rep's assignment").isNotEmpty();

    BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    WebSocket socket = Sockets.open("/ws", List.of(), messages);
    send(socket, "auth", Map.of("token", token, "platform", "web"));
    assertThat(type(Sockets.next(messages))).isEqualTo("auth.success");
    send(socket, "session.start", Map.of("service", "chat"));
    JsonNode started = Sockets.next(messages);
    assertThat(type(started)).isEqualTo("session.started");
    String sessionId = started.path("payload").path("sessionId").asString();

    send(
        socket, "chat", Map.of("content", "They told me they already have CRM reports. What now?"));
    StringBuilder streamed = new StringBuilder();
    JsonNode message = Sockets.next(messages);
    int chunks = 0;
    while ("chat.chunk".equals(type(message))) {
      streamed.append(message.path("payload").path("content").asString());
      chunks++;
      message = Sockets.next(messages);
    }
    assertThat(type(message)).as(message.toString()).isEqualTo("chat.complete");
    String answer = message.path("payload").path("fullContent").asString();
    String messageId = message.path("payload").path("messageId").asString();
    assertThat(chunks).isGreaterThan(1);
    assertThat(streamed.toString()).isEqualTo(answer);
    assertThat(answer)
        .contains("From your strategy for Contoso Ltd")
        .contains("We already have CRM reports.")
        .contains("Drawn from:");

    send(socket, "feedback", Map.of("messageId", messageId, "rating", 5, "comment", "Spot on"));
    JsonNode saved = Sockets.next(messages);
    assertThat(type(saved)).as(saved.toString()).isEqualTo("feedback.saved");
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();

    Http.Response conversation =
        api.get("/api/v1/sailwind/coach/conversations/" + sessionId + "/messages");
    assertThat(conversation.status()).as(conversation.toString()).isEqualTo(200);
    JsonNode turns = conversation.json();
    assertThat(turns).hasSize(2);
    assertThat(turns.get(0).get("role").asString()).isEqualTo("rep");
    assertThat(turns.get(1).get("content").asString()).isEqualTo(answer);
    assertThat(turns.get(1).get("rating").asInt()).isEqualTo(5);
  }

  private static void send(WebSocket socket, String type, Map<String, Object> payload) {
    socket
        .sendText(Http.JSON.writeValueAsString(Map.of("type", type, "payload", payload)), true)
        .join();
  }

  private static String type(JsonNode message) {
    return message.path("type").asString("");
  }
}
