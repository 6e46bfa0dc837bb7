package io.dealflow.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.security.ApiTokens;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /ws/voice/{session_id}}: the Trainer's voice call, relayed to training-service. */
class VoiceSocketIT extends RunningSockets {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void aCallOpenedWithAHeaderTokenIsRelayedBothWaysInOrderWithTheUsersToken() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    String session = UUID.randomUUID().toString();
    List<String> sent =
        List.of(
            "{\"type\":\"config\",\"data\":{\"sample_rate\":16000,\"channels\":1,\"format\":\"pcm\"}}",
            "{\"type\":\"audio\",\"data\":\"AAEC\"}",
            "{\"type\":\"audio\",\"data\":\"AwQF\"}",
            "{\"type\":\"control\",\"action\":\"pause\"}");
    try (TestSocket socket = TestSocket.withBearer(port, "/ws/voice/" + session, rep.token())) {
      assertThat(socket.next().path("type").asString()).isEqualTo("session_started");
      sent.forEach(socket::send);

      for (String frame : sent) {
        JsonNode echo = socket.next();
        assertThat(echo.path("type").asString()).isEqualTo("echo");
        assertThat(echo.path("of").asString()).isEqualTo(frame);
      }
      assertThat(FakeTraining.received.get(session)).containsExactlyElementsOf(sent);
      assertThat(FakeTraining.callers.get(session))
          .as("the call is opened with the user's own token")
          .isEqualTo(rep.id().toString());
    }
  }

  @Test
  void aTokenOnTheUrlOpensTheCall() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    String session = UUID.randomUUID().toString();
    try (TestSocket socket =
        TestSocket.open(port, "/ws/voice/" + session + "?token=" + rep.token())) {
      assertThat(socket.next().path("type").asString()).isEqualTo("session_started");
      socket.send("{\"type\":\"audio\",\"data\":\"AAEC\"}");
      assertThat(socket.next().path("of").asString())
          .isEqualTo("{\"type\":\"audio\",\"data\":\"AAEC\"}");
    }
  }

  @Test
  void theFirstMessageAuthenticatesAndAuthMessagesAreNeverRelayed() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    String session = UUID.randomUUID().toString();
    try (TestSocket socket = TestSocket.open(port, "/ws/voice/" + session)) {
      socket.send("{\"type\":\"audio\",\"data\":\"AAEC\"}");
      JsonNode refused = socket.next();
      assertThat(refused.path("type").asString()).isEqualTo("error");
      assertThat(refused.path("error_code").asString()).isEqualTo("AUTH_REQUIRED");

      socket.send("{\"type\":\"auth\",\"token\":\"" + rep.token() + "\"}");
      assertThat(socket.next().path("type").asString()).isEqualTo("session_started");
      socket.send("{\"type\":\"auth\",\"data\":{\"token\":\"" + rep.token() + "\"}}");
      socket.send("{\"type\":\"audio\",\"data\":\"AwQF\"}");
      assertThat(socket.next().path("of").asString())
          .isEqualTo("{\"type\":\"audio\",\"data\":\"AwQF\"}");

      assertThat(FakeTraining.received.get(session))
          .containsExactly("{\"type\":\"audio\",\"data\":\"AwQF\"}");
    }
  }

  @Test
  void theDataFormOfTheAuthMessageAuthenticatesToo() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    try (TestSocket socket = TestSocket.open(port, "/ws/voice/" + UUID.randomUUID())) {
      socket.send("{\"type\":\"auth\",\"data\":{\"token\":\"" + rep.token() + "\"}}");
      assertThat(socket.next().path("type").asString()).isEqualTo("session_started");
    }
  }

  @Test
  void aBadTokenIsAnErrorEventThenA4401CloseWhicheverWayItCame() {
    try (TestSocket inMessage = TestSocket.open(port, "/ws/voice/" + UUID.randomUUID());
        TestSocket inHeader =
            TestSocket.withBearer(port, "/ws/voice/" + UUID.randomUUID(), "forged")) {
      inMessage.send("{\"type\":\"auth\",\"token\":\"forged\"}");
      for (TestSocket socket : List.of(inMessage, inHeader)) {
        JsonNode error = socket.next();
        assertErrorEvent(error, "AUTH_INVALID_TOKEN", false);
        assertThat(socket.closed(WAIT).code()).isEqualTo(4401);
      }
    }
  }

  @Test
  void anApiTokenCannotOpenAVoiceCall() {
    try (TestSocket socket =
        TestSocket.withBearer(port, "/ws/voice/" + UUID.randomUUID(), ApiTokens.generate())) {
      assertErrorEvent(socket.next(), "AUTH_INSUFFICIENT_PERMISSIONS", false);
      assertThat(socket.closed(WAIT).code()).isEqualTo(4403);
    }
  }

  @Test
  void trainingRefusalsAreMappedToErrorEventsAndCloseCodes() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    record Expected(String session, String code, boolean retry, int close) {}
    List<Expected> cases =
        List.of(
            new Expected("missing", "SESSION_NOT_FOUND", false, 4404),
            new Expected("ended", "SESSION_ALREADY_ENDED", false, 4409),
            new Expected("expired", "AUTH_INVALID_TOKEN", false, 4401),
            new Expected("broken", "VOICE_SERVICE_UNAVAILABLE", true, 1013),
            new Expected("unreachable", "VOICE_SERVICE_UNAVAILABLE", true, 1013),
            new Expected("slow", "VOICE_SERVICE_UNAVAILABLE", true, 1013),
            new Expected("not%20a%20session", "SESSION_NOT_FOUND", false, 4404));
    for (Expected expected : cases) {
      try (TestSocket socket =
          TestSocket.withBearer(port, "/ws/voice/" + expected.session(), rep.token())) {
        assertErrorEvent(socket.next(), expected.code(), expected.retry());
        assertThat(socket.closed(WAIT).code()).as(expected.session()).isEqualTo(expected.close());
      }
    }
  }

  @Test
  void theSixthCallOfAUserIsRefusedWithRateLimitExceededAnd4429() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    List<TestSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        TestSocket socket =
            TestSocket.withBearer(port, "/ws/voice/" + UUID.randomUUID(), rep.token());
        sockets.add(socket);
        assertThat(socket.next().path("type").asString()).isEqualTo("session_started");
      }
      TestSocket sixth = TestSocket.withBearer(port, "/ws/voice/" + UUID.randomUUID(), rep.token());
      sockets.add(sixth);

      assertErrorEvent(sixth.next(), "RATE_LIMIT_EXCEEDED", true);
      assertThat(sixth.closed(WAIT).code()).isEqualTo(4429);
    } finally {
      sockets.forEach(TestSocket::close);
    }
  }

  @Test
  void aFrameOver256KiBIsRefusedAndTheCallGoesOn() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    String session = UUID.randomUUID().toString();
    try (TestSocket socket = TestSocket.withBearer(port, "/ws/voice/" + session, rep.token())) {
      assertThat(socket.next().path("type").asString()).isEqualTo("session_started");

      socket.send(audio(300 * 1024));
      assertErrorEvent(socket.next(), "MESSAGE_TOO_LARGE", true);

      String fits = audio(250 * 1024);
      socket.send(fits);
      assertThat(socket.next().path("of").asString()).isEqualTo(fits);
      assertThat(socket.isClosed()).isFalse();
      assertThat(FakeTraining.received.get(session)).containsExactly(fits);
    }
  }

  @Test
  void aMessageThatIsNoTypedJsonObjectIsAnErrorAndNotRelayed() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    String session = UUID.randomUUID().toString();
    try (TestSocket socket = TestSocket.withBearer(port, "/ws/voice/" + session, rep.token())) {
      assertThat(socket.next().path("type").asString()).isEqualTo("session_started");
      socket.send("{not json");
      assertErrorEvent(socket.next(), "INVALID_MESSAGE", false);
      socket.send("{\"type\":7}");
      assertErrorEvent(socket.next(), "INVALID_MESSAGE", false);
      assertThat(FakeTraining.received.get(session)).isEmpty();
    }
  }

  @Test
  void trainingsCloseCodeAndReasonEndTheClientsSocket() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    try (TestSocket ended =
            TestSocket.withBearer(port, "/ws/voice/" + UUID.randomUUID(), rep.token());
        TestSocket unconfigured =
            TestSocket.withBearer(port, "/ws/voice/" + UUID.randomUUID(), rep.token())) {
      assertThat(ended.next().path("type").asString()).isEqualTo("session_started");
      assertThat(unconfigured.next().path("type").asString()).isEqualTo("session_started");

      ended.send("{\"type\":\"end\"}");
      unconfigured.send("{\"type\":\"unconfigured\"}");

      assertThat(ended.next().path("type").asString()).isEqualTo("session_ended");
      assertThat(ended.closed(WAIT)).isEqualTo(new TestSocket.Closed(1000, "session ended"));
      assertThat(unconfigured.closed(WAIT))
          .isEqualTo(new TestSocket.Closed(4400, "audio not configured"));
    }
  }

  @Test
  void theClientClosingClosesTheCallUpstreamWith1000() throws InterruptedException {
    TestUser rep = TestUsers.inNewOrganization("rep");
    String session = UUID.randomUUID().toString();
    TestSocket socket = TestSocket.withBearer(port, "/ws/voice/" + session, rep.token());
    assertThat(socket.next().path("type").asString()).isEqualTo("session_started");

    socket.close();

    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!FakeTraining.closes.containsKey(session) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(FakeTraining.closes.get(session)).isNotNull();
    assertThat(FakeTraining.closes.get(session).code()).isEqualTo(1000);
  }

  @Test
  void anUpstreamThatFailsAbruptlyIsVoiceServiceUnavailableAnd1011() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    try (TestSocket socket =
        TestSocket.withBearer(port, "/ws/voice/" + UUID.randomUUID(), rep.token())) {
      assertThat(socket.next().path("type").asString()).isEqualTo("session_started");
      socket.send("{\"type\":\"drop\"}");

      assertErrorEvent(socket.next(), "VOICE_SERVICE_UNAVAILABLE", true);
      assertThat(socket.closed(WAIT).code()).isEqualTo(1011);
    }
  }

  @Test
  void theProspectsAudioOf1Point5MiBReachesTheClient() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    try (TestSocket socket =
        TestSocket.withBearer(port, "/ws/voice/" + UUID.randomUUID(), rep.token())) {
      assertThat(socket.next().path("type").asString()).isEqualTo("session_started");
      socket.send("{\"type\":\"big\"}");

      JsonNode reply = socket.next();
      assertThat(reply.path("type").asString()).isEqualTo("ai_response");
      assertThat(reply.path("data").path("audio").asString()).hasSize(1536 * 1024);
    }
  }

  private static String audio(int bytes) {
    String envelope = "{\"type\":\"audio\",\"data\":\"\"}";
    return JSON.writeValueAsString(
        JSON.createObjectNode()
            .put("type", "audio")
            .put("data", "A".repeat(bytes - envelope.length())));
  }

  private static void assertErrorEvent(JsonNode event, String code, boolean retryAllowed) {
    assertThat(event.path("type").asString()).isEqualTo("error");
    assertThat(event.path("error_code").asString()).isEqualTo(code);
    assertThat(event.path("message").asString()).isNotBlank();
    assertThat(event.path("retry_allowed").isBoolean()).isTrue();
    assertThat(event.path("retry_allowed").asBoolean()).isEqualTo(retryAllowed);
    assertThat(event.properties()).hasSize(4);
  }
}
