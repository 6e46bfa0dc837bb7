package io.dealflow.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.KeycloakTokens;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /ws}: the HelloSales message protocol. */
class HelloSalesSocketIT extends RunningSockets {

  @Test
  void authWithAValidTokenSucceedsWithTheUsersOrganization() {
    try (TestSocket socket = TestSocket.open(port, "/ws")) {
      socket.send(auth(KeycloakTokens.demoRep()));

      JsonNode success = socket.next();
      assertThat(success.path("type").asString()).isEqualTo("auth.success");
      assertThat(success.path("payload").path("orgId").asString())
          .isEqualTo(KeycloakTokens.DEMO_ORG_ID);
      assertThat(success.path("payload").path("userId").asString()).isNotBlank();
      assertThat(success.path("payload").path("sessionId").isNull()).isTrue();
    }
  }

  @Test
  void authWithAnInvalidTokenAnswersInvalidToken() {
    try (TestSocket socket = TestSocket.open(port, "/ws")) {
      socket.send(auth("forged"));

      JsonNode failure = socket.next();
      assertThat(failure.path("type").asString()).isEqualTo("auth.error");
      assertThat(failure.path("payload").path("code").asString()).isEqualTo("INVALID_TOKEN");
    }
  }

  @Test
  void aTokenInTheAuthorizationHeaderAuthenticatesTheSocketAsItOpens() {
    TestUser erin = TestUsers.inNewOrganization("rep");
    try (TestSocket socket = TestSocket.withBearer(port, "/ws", erin.token())) {
      JsonNode success = socket.next();
      assertThat(success.path("type").asString()).isEqualTo("auth.success");
      assertThat(success.path("payload").path("orgId").asString())
          .isEqualTo(erin.orgId().toString());

      socket.send("{\"type\":\"session.start\",\"payload\":{\"service\":\"chat\"}}");
      assertThat(socket.next().path("type").asString()).isEqualTo("session.started");
    }
  }

  @Test
  void messagesSentRightAfterAHeaderHandshakeWaitForItsAuthentication() {
    TestUser frank = TestUsers.inNewOrganization("rep");
    try (TestSocket socket = TestSocket.withBearer(port, "/ws", frank.token())) {
      socket.send("{\"type\":\"session.start\",\"payload\":{\"service\":\"chat\"}}");
      socket.send(auth(frank.token()));

      assertThat(socket.next().path("type").asString()).isEqualTo("auth.success");
      assertThat(socket.next().path("type").asString()).isEqualTo("session.started");
      JsonNode again = socket.next();
      assertThat(again.path("type").asString()).isEqualTo("auth.success");
      assertThat(again.path("payload").path("sessionId").asString()).isNotBlank();
    }
  }

  @Test
  void anInvalidTokenInTheAuthorizationHeaderIsAnsweredAndClosedWith4401LikeOneOnTheUrl() {
    try (TestSocket inHeader = TestSocket.withBearer(port, "/ws", "forged");
        TestSocket onUrl = TestSocket.open(port, "/ws?token=forged")) {
      assertThat(inHeader.next().path("payload").path("code").asString())
          .isEqualTo("INVALID_TOKEN");
      assertThat(onUrl.next().path("payload").path("code").asString()).isEqualTo("INVALID_TOKEN");
      assertThat(inHeader.closed(Duration.ofSeconds(10)))
          .isEqualTo(onUrl.closed(Duration.ofSeconds(10)))
          .extracting(TestSocket.Closed::code)
          .isEqualTo(4401);
    }
  }

  @Test
  void aMessageBeforeAuthIsUnauthorized() {
    try (TestSocket socket = TestSocket.open(port, "/ws")) {
      socket.send("{\"type\":\"session.start\",\"payload\":{\"service\":\"chat\"}}");

      assertThat(errorCode(socket.next())).isEqualTo("UNAUTHORIZED");
    }
  }

  @Test
  void pingIsAnsweredWithPong() {
    try (TestSocket socket = authenticated(TestUsers.inNewOrganization("rep"))) {
      socket.send("{\"type\":\"ping\"}");

      JsonNode pong = socket.next();
      assertThat(pong.path("type").asString()).isEqualTo("pong");
      assertThat(pong.path("payload").path("timestamp").asString()).endsWith("Z");
    }
  }

  @Test
  void aSessionStartsAndEndsWithItsDuration() throws InterruptedException {
    try (TestSocket socket = authenticated(TestUsers.inNewOrganization("rep"))) {
      socket.send("{\"type\":\"session.start\",\"payload\":{\"service\":\"voice\"}}");
      JsonNode started = socket.next();
      assertThat(started.path("type").asString()).isEqualTo("session.started");
      String sessionId = started.path("payload").path("sessionId").asString();
      assertThat(sessionId).isNotBlank();

      Thread.sleep(300);
      socket.send("{\"type\":\"session.end\"}");
      JsonNode ended = socket.next();
      assertThat(ended.path("type").asString()).isEqualTo("session.ended");
      assertThat(ended.path("payload").path("sessionId").asString()).isEqualTo(sessionId);
      assertThat(ended.path("payload").path("duration").asLong()).isBetween(300L, 10_000L);

      socket.send("{\"type\":\"session.end\"}");
      assertThat(errorCode(socket.next())).isEqualTo("VALIDATION_ERROR");
    }
  }

  @Test
  void aSessionForAnUnknownServiceIsAValidationError() {
    try (TestSocket socket = authenticated(TestUsers.inNewOrganization("rep"))) {
      socket.send("{\"type\":\"session.start\",\"payload\":{\"service\":\"fax\"}}");

      assertThat(errorCode(socket.next())).isEqualTo("VALIDATION_ERROR");
    }
  }

  @Test
  void anUnknownTypeAnInvalidJsonAndAMissingTypeAreNamedAsSuch() {
    try (TestSocket socket = authenticated(TestUsers.inNewOrganization("rep"))) {
      socket.send("{\"type\":\"teleport\"}");
      assertThat(errorCode(socket.next())).isEqualTo("UNKNOWN_MESSAGE_TYPE");

      socket.send("{not json");
      assertThat(errorCode(socket.next())).isEqualTo("INVALID_MESSAGE");

      socket.send("{\"payload\":{}}");
      assertThat(errorCode(socket.next())).isEqualTo("INVALID_MESSAGE");
    }
  }

  @Test
  void aVoiceTurnOf700KiBIsTranscribedByTrainingService() {
    try (TestSocket socket = authenticated(TestUsers.inNewOrganization("rep"))) {
      String audio = "UklGRg" + "A".repeat(700 * 1024 - 6);
      socket.send(voice(audio, "wav", 16000));

      JsonNode transcript = socket.next();
      assertThat(transcript.path("type").asString()).isEqualTo("voice.transcript");
      assertThat(transcript.path("payload").path("transcript").asString())
          .isEqualTo("heard " + audio.length() + " characters of wav at 16000");
      assertThat(transcript.path("payload").path("confidence").asDouble()).isEqualTo(0.93);
    }
  }

  @Test
  void aVoiceMessageOver1MiBIsAValidationErrorAndTheSocketStaysOpen() {
    try (TestSocket socket = authenticated(TestUsers.inNewOrganization("rep"))) {
      socket.send(voice("A".repeat(1229 * 1024), "wav", 16000));

      JsonNode refused = socket.next();
      assertThat(errorCode(refused)).isEqualTo("VALIDATION_ERROR");
      assertThat(refused.path("payload").path("message").asString())
          .contains("too large")
          .contains("1048576");
      socket.send("{\"type\":\"ping\"}");
      assertThat(socket.next().path("type").asString()).isEqualTo("pong");
    }
  }

  @Test
  void aMessageOverTheTransportLimitOf2MiBClosesTheSocketWith1009() {
    try (TestSocket socket = authenticated(TestUsers.inNewOrganization("rep"))) {
      socket.send(voice("A".repeat(2100 * 1024), "wav", 16000));

      assertThat(socket.closed(SHORT_WAIT).code()).isEqualTo(1009);
    }
  }

  @Test
  void aChatMessageOf100KiBIsAnErrorNotAClose() {
    try (TestSocket socket = authenticated(TestUsers.inNewOrganization("rep"))) {
      socket.send(chat("x".repeat(100 * 1024)));

      JsonNode refused = socket.next();
      assertThat(errorCode(refused)).isEqualTo("VALIDATION_ERROR");
      assertThat(refused.path("payload").path("message").asString())
          .contains("too large")
          .contains("65536");
      socket.send("{\"type\":\"ping\"}");
      assertThat(socket.next().path("type").asString()).isEqualTo("pong");
    }
  }

  @Test
  void trainingServiceRefusalsBecomeHelloSalesErrors() {
    try (TestSocket socket = authenticated(TestUsers.inNewOrganization("rep"))) {
      socket.send(voice("UklGRgAAAA==", "wav", 11025));
      JsonNode unavailable = socket.next();
      assertThat(errorCode(unavailable)).isEqualTo("SERVICE_UNAVAILABLE");

      socket.send(voice("UklGRgAAAA==", "wav", 22050));
      JsonNode invalid = socket.next();
      assertThat(errorCode(invalid)).isEqualTo("VALIDATION_ERROR");
      assertThat(invalid.path("payload").path("message").asString())
          .isEqualTo("The audio is not valid wav");
    }
  }

  @Test
  void aVoicePayloadIsValidatedBeforeItIsSent() {
    try (TestSocket socket = authenticated(TestUsers.inNewOrganization("rep"))) {
      socket.send(voice("not base64!", "wav", 16000));
      assertThat(socket.next().path("payload").path("message").asString()).contains("audioData");
      socket.send(voice("UklGRgAAAA==", "ogg", 16000));
      assertThat(socket.next().path("payload").path("message").asString()).contains("format");
      socket.send(voice("UklGRgAAAA==", "pcm", 4000));
      assertThat(socket.next().path("payload").path("message").asString()).contains("sampleRate");
      socket.send("{\"type\":\"voice\",\"payload\":{}}");
      assertThat(errorCode(socket.next())).isEqualTo("VALIDATION_ERROR");
    }
  }

  @Test
  void aChatTurnStreamsChunksThenCompleteWithTheirConcatenation() {
    try (TestSocket socket = authenticated(TestUsers.inNewOrganization("rep"))) {
      socket.send("{\"type\":\"session.start\",\"payload\":{\"service\":\"chat\"}}");
      String sessionId = socket.next().path("payload").path("sessionId").asString();

      socket.send(chat("How do I open a discovery call?"));

      StringBuilder streamed = new StringBuilder();
      JsonNode message = socket.next();
      while ("chat.chunk".equals(message.path("type").asString())) {
        streamed.append(message.path("payload").path("content").asString());
        message = socket.next();
      }
      assertThat(message.path("type").asString()).isEqualTo("chat.complete");
      assertThat(message.path("payload").path("fullContent").asString())
          .isEqualTo(streamed.toString())
          .isEqualTo("You asked: How do I open a discovery call?.");
      assertThat(message.path("payload").path("messageId").asString()).isNotBlank();
      assertThat(FakePlaybook.conversations)
          .as("the session is the coach's conversation")
          .contains(sessionId);
    }
  }

  @Test
  void pipelineCancelStopsARunningAnswerAtItsSource() {
    int abandonedBefore = FakePlaybook.abandonedStreams.get();
    try (TestSocket socket = authenticated(TestUsers.inNewOrganization("rep"))) {
      socket.send(chat("slow"));
      assertThat(socket.next().path("type").asString()).isEqualTo("chat.chunk");

      socket.send("{\"type\":\"pipeline.cancel\"}");

      JsonNode cancelled =
          socket.await(m -> !"chat.chunk".equals(m.path("type").asString()), SHORT_WAIT);
      assertThat(cancelled.path("type").asString()).isEqualTo("pipeline.cancelled");
      assertThat(cancelled.path("payload").path("messageId").asString()).isNotBlank();
      assertThat(socket.drain(Duration.ofMillis(500)))
          .as("no part of the answer after the cancel")
          .noneMatch(m -> "chat.chunk".equals(m.path("type").asString()));
      long deadline = System.nanoTime() + SHORT_WAIT.toNanos();
      while (FakePlaybook.abandonedStreams.get() == abandonedBefore
          && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(FakePlaybook.abandonedStreams.get())
          .as("the coach stopped writing the answer")
          .isGreaterThan(abandonedBefore);

      socket.send("{\"type\":\"pipeline.cancel\"}");
      assertThat(errorCode(socket.next())).isEqualTo("VALIDATION_ERROR");
    }
  }

  @Test
  void feedbackOnAnAnswerIsStoredAndOnAnUnknownOneRefused() {
    try (TestSocket socket = authenticated(TestUsers.inNewOrganization("rep"))) {
      socket.send(chat("Rate me"));
      String messageId =
          socket
              .await(m -> "chat.complete".equals(m.path("type").asString()), SHORT_WAIT)
              .path("payload")
              .path("messageId")
              .asString();

      socket.send(feedback(messageId, "4", "\"Helpful\""));
      JsonNode saved = socket.next();
      assertThat(saved.path("type").asString()).isEqualTo("feedback.saved");
      assertThat(saved.path("payload").path("rating").asInt()).isEqualTo(4);
      assertThat(FakePlaybook.feedback).contains(messageId + ":4:Helpful");

      String unknown = UUID.randomUUID().toString();
      socket.send(feedback(unknown, "5", "null"));
      JsonNode refused = socket.next();
      assertThat(errorCode(refused)).isEqualTo("VALIDATION_ERROR");
      assertThat(refused.path("payload").path("message").asString()).contains("of yours");

      socket.send(feedback(messageId, "6", "null"));
      assertThat(errorCode(socket.next())).isEqualTo("VALIDATION_ERROR");
      socket.send(feedback("not-an-id", "3", "null"));
      assertThat(errorCode(socket.next())).isEqualTo("VALIDATION_ERROR");
    }
  }

  @Test
  void chatTurnsTheCoachRefusesOrCannotAnswerAreNamedAsSuch() {
    try (TestSocket socket = authenticated(TestUsers.inNewOrganization("rep"))) {
      socket.send(chat(" "));
      assertThat(errorCode(socket.next())).isEqualTo("VALIDATION_ERROR");

      socket.send(chat("refuse"));
      JsonNode refused = socket.next();
      assertThat(errorCode(refused)).isEqualTo("VALIDATION_ERROR");
      assertThat(refused.path("payload").path("message").asString())
          .isEqualTo("content refused by the coach");

      socket.send(chat("broken"));
      assertThat(errorCode(socket.next())).isEqualTo("SERVICE_UNAVAILABLE");

      socket.send(chat("slow"));
      socket.send(chat("another question"));
      JsonNode busy = socket.await(m -> "error".equals(m.path("type").asString()), SHORT_WAIT);
      assertThat(busy.path("payload").path("message").asString()).contains("still running");
    }
  }

  @Test
  void aProfileUpdateIsAppliedThroughIdentityWithTheUsersToken() {
    try (TestSocket socket = authenticated(TestUsers.inNewOrganization("rep"))) {
      socket.send(
          "{\"type\":\"profile.update\",\"payload\":{\"firstName\":\"Ada\",\"company\":\"Acme\"}}");

      JsonNode updated = socket.next();
      assertThat(updated.path("type").asString()).isEqualTo("profile.updated");
      assertThat(updated.path("payload").path("first_name").asString()).isEqualTo("Ada");
      assertThat(updated.path("payload").path("company").asString()).isEqualTo("Acme");
    }
  }

  @Test
  void aProfileUpdateWithTheHelloSalesDisplayNameAnswersWithTheHelloSalesProfile() {
    try (TestSocket socket = authenticated(TestUsers.inNewOrganization("rep"))) {
      socket.send("{\"type\":\"profile.update\",\"payload\":{\"displayName\":\" Ada L. \"}}");

      JsonNode updated = socket.next();
      assertThat(updated.path("type").asString()).isEqualTo("profile.updated");
      JsonNode profile = updated.path("payload");
      assertThat(profile.path("displayName").asString()).isEqualTo("Ada L.");
      assertThat(profile.path("id").asString()).isNotBlank();
      assertThat(profile.path("email").asString()).isNotBlank();
      assertThat(profile.path("skills").isArray()).isTrue();
      assertThat(profile.path("progress").isObject()).isTrue();
      assertThat(profile.has("first_name")).isFalse();
    }
  }

  @Test
  void aBlankDisplayNameOrOneMixedWithNamesIsAValidationError() {
    try (TestSocket socket = authenticated(TestUsers.inNewOrganization("rep"))) {
      socket.send("{\"type\":\"profile.update\",\"payload\":{\"displayName\":\" \"}}");
      JsonNode blank = socket.next();
      assertThat(errorCode(blank)).isEqualTo("VALIDATION_ERROR");
      assertThat(blank.path("payload").path("message").asString()).contains("displayName");

      socket.send(
          "{\"type\":\"profile.update\",\"payload\":{\"displayName\":\"Ada\",\"firstName\":\"A\"}}");
      JsonNode mixed = socket.next();
      assertThat(errorCode(mixed)).isEqualTo("VALIDATION_ERROR");
      assertThat(mixed.path("payload").path("message").asString()).contains("of its own");
    }
  }

  @Test
  void aProfileUpdateIdentityRefusesOrCannotAnswerIsNamedAsSuch() {
    try (TestSocket socket = authenticated(TestUsers.inNewOrganization("rep"))) {
      socket.send("{\"type\":\"profile.update\",\"payload\":{\"firstName\":\" \"}}");
      JsonNode refused = socket.next();
      assertThat(errorCode(refused)).isEqualTo("VALIDATION_ERROR");
      assertThat(refused.path("payload").path("message").asString()).contains("first_name");

      socket.send("{\"type\":\"profile.update\",\"payload\":{\"firstName\":\"Slow\"}}");
      JsonNode unavailable = socket.next(Duration.ofSeconds(10));
      assertThat(errorCode(unavailable)).isEqualTo("SERVICE_UNAVAILABLE");

      socket.send("{\"type\":\"profile.update\",\"payload\":{}}");
      assertThat(errorCode(socket.next())).isEqualTo("VALIDATION_ERROR");
    }
  }

  @Test
  void theSixthSocketOfAUserPastALimitOfFiveIsRefusedWith4429() {
    TestUser grace = TestUsers.inNewOrganization("rep");
    List<TestSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        sockets.add(authenticated(grace));
      }
      TestSocket sixth = TestSocket.open(port, "/ws");
      sockets.add(sixth);
      sixth.send(auth(grace.token()));

      assertThat(sixth.closed(Duration.ofSeconds(10)).code()).isEqualTo(4429);
    } finally {
      sockets.forEach(TestSocket::close);
    }
  }

  private TestSocket authenticated(TestUser user) {
    TestSocket socket = TestSocket.open(port, "/ws");
    socket.send(auth(user.token()));
    assertThat(socket.next().path("type").asString()).isEqualTo("auth.success");
    return socket;
  }

  private static final Duration SHORT_WAIT = Duration.ofSeconds(10);

  private static String chat(String content) {
    return "{\"type\":\"chat\",\"payload\":{\"content\":\"" + content + "\"}}";
  }

  private static String feedback(String messageId, String rating, String comment) {
    return "{\"type\":\"feedback\",\"payload\":{\"messageId\":\""
        + messageId
        + "\",\"rating\":"
        + rating
        + ",\"comment\":"
        + comment
        + "}}";
  }

  private static String voice(String audio, String format, int sampleRate) {
    return "{\"type\":\"voice\",\"payload\":{\"audioData\":\""
        + audio
        + "\",\"format\":\""
        + format
        + "\",\"sampleRate\":"
        + sampleRate
        + "}}";
  }

  private static String auth(String token) {
    return "{\"type\":\"auth\",\"payload\":{\"token\":\"" + token + "\",\"platform\":\"web\"}}";
  }

  private static String errorCode(JsonNode message) {
    assertThat(message.path("type").asString()).isEqualTo("error");
    return message.path("payload").path("code").asString();
  }
}
