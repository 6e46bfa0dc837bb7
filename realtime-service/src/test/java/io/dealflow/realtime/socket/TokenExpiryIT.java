package io.dealflow.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.ForgedTokens;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A socket ends when its token expires (4401 {@code token expired}); on {@code /ws} a fresh token
 * of the same user keeps it open. Tokens come from the realm's short-lived test client (about two
 * seconds); the service runs with no clock skew.
 */
class TokenExpiryIT extends RunningSockets {

  private static final Duration CLOSE = Duration.ofSeconds(10);

  @Test
  void anEventsSocketIsClosedWith4401WhenItsTokenExpires() {
    TestUser alice = TestUsers.inNewOrganization("rep");
    String shortLived = alice.shortLivedToken();
    Instant expiresAt = expiry(shortLived);
    try (TestSocket expiring = TestSocket.open(port, "/ws/events?token=" + shortLived);
        TestSocket lasting = TestSocket.open(port, "/ws/events?token=" + alice.token())) {
      assertThat(expiring.next().path("event").asString()).isEqualTo("connection.ready");
      assertThat(lasting.next().path("event").asString()).isEqualTo("connection.ready");

      TestSocket.Closed closed = expiring.closed(CLOSE);
      Instant closedAt = Instant.now();

      assertThat(closed.code()).isEqualTo(CloseCodes.UNAUTHORIZED);
      assertThat(closed.reason()).isEqualTo("token expired");
      assertThat(closedAt).as("not before the token's exp").isAfterOrEqualTo(expiresAt);
      assertThat(closedAt).isBefore(expiresAt.plusSeconds(3));
      assertThat(lasting.isClosed()).as("the socket with a valid token stays").isFalse();
    }
  }

  @Test
  void aCableSocketIsClosedWith4401WhenItsTokenExpires() {
    TestUser bob = TestUsers.inNewOrganization("rep");
    try (TestSocket cable =
        TestSocket.open(port, "/cable?token=" + bob.shortLivedToken(), "actioncable-v1-json")) {
      assertThat(cable.next().path("type").asString()).isEqualTo("welcome");

      TestSocket.Closed closed = cable.closed(CLOSE);

      assertThat(closed.code()).isEqualTo(CloseCodes.UNAUTHORIZED);
      assertThat(closed.reason()).isEqualTo("token expired");
    }
  }

  @Test
  void aHelloSalesSocketIsClosedWith4401WhenItsTokenExpires() {
    TestUser carol = TestUsers.inNewOrganization("rep");
    try (TestSocket socket = TestSocket.open(port, "/ws")) {
      auth(socket, carol.shortLivedToken());
      assertThat(socket.next().path("type").asString()).isEqualTo("auth.success");

      TestSocket.Closed closed = socket.closed(CLOSE);

      assertThat(closed.code()).isEqualTo(CloseCodes.UNAUTHORIZED);
      assertThat(closed.reason()).isEqualTo("token expired");
    }
  }

  @Test
  void aFreshTokenOfTheSameUserKeepsAHelloSalesSocketOpenPastTheFirstTokensExpiry() {
    TestUser dave = TestUsers.inNewOrganization("rep");
    String shortLived = dave.shortLivedToken();
    Instant expiresAt = expiry(shortLived);
    try (TestSocket socket = TestSocket.open(port, "/ws")) {
      auth(socket, shortLived);
      assertThat(socket.next().path("type").asString()).isEqualTo("auth.success");
      auth(socket, dave.token());
      JsonNode renewed = socket.next();
      assertThat(renewed.path("type").asString()).isEqualTo("auth.success");
      assertThat(renewed.path("payload").path("userId").asString()).isEqualTo(dave.id().toString());

      sleepUntil(expiresAt.plusSeconds(3));
      socket.send("{\"type\":\"ping\"}");

      assertThat(socket.next().path("type").asString()).isEqualTo("pong");
      assertThat(socket.isClosed()).isFalse();
    }
  }

  @Test
  void anotherUsersTokenOnAnAuthenticatedHelloSalesSocketIsForbiddenAndClosesIt() {
    TestUser erin = TestUsers.inNewOrganization("rep");
    TestUser frank = TestUsers.create(erin.orgId(), "rep");
    try (TestSocket socket = TestSocket.open(port, "/ws")) {
      auth(socket, erin.token());
      assertThat(socket.next().path("type").asString()).isEqualTo("auth.success");

      auth(socket, frank.token());

      JsonNode refused = socket.next();
      assertThat(refused.path("type").asString()).isEqualTo("error");
      assertThat(refused.path("payload").path("code").asString()).isEqualTo("FORBIDDEN");
      TestSocket.Closed closed = socket.closed(CLOSE);
      assertThat(closed.code()).isEqualTo(CloseCodes.FORBIDDEN);
    }
  }

  private static void auth(TestSocket socket, String token) {
    socket.send("{\"type\":\"auth\",\"payload\":{\"token\":\"" + token + "\"}}");
  }

  private static Instant expiry(String token) {
    return Instant.ofEpochSecond(ForgedTokens.claims(token).get("exp").asLong());
  }

  private static void sleepUntil(Instant instant) {
    long millis = Duration.between(Instant.now(), instant).toMillis();
    try {
      Thread.sleep(Math.max(0, millis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
