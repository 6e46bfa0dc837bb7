package io.dealflow.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.KeycloakTokens;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
  void turnsForTheCoachAreAnsweredServiceUnavailableNotSilence() {
    try (TestSocket socket = authenticated(TestUsers.inNewOrganization("rep"))) {
      for (String type : List.of("chat", "voice", "feedback", "pipeline.cancel")) {
        socket.send("{\"type\":\"" + type + "\",\"payload\":{}}");
        JsonNode answer = socket.next();
        assertThat(errorCode(answer)).as(type).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(answer.path("payload").path("message").asString())
            .as(type)
            .contains("not available yet");
      }
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

  private static String auth(String token) {
    return "{\"type\":\"auth\",\"payload\":{\"token\":\"" + token + "\",\"platform\":\"web\"}}";
  }

  private static String errorCode(JsonNode message) {
    assertThat(message.path("type").asString()).isEqualTo("error");
    return message.path("payload").path("code").asString();
  }
}
