package io.dealflow.realtime.socket;

import io.dealflow.platform.test.TestUsers;
import io.dealflow.realtime.RunningRealtimeService;
import java.time.Duration;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * realtime-service with the socket limits the tests reach (5 per user everywhere), pings every
 * second with a 4-second idle timeout (so every socket test also proves that answered pings keep a
 * quiet socket open), and stand-ins for identity-service's profile endpoint, playbook-service's
 * coach, training-service's voice endpoints and support-service's chat endpoints (none of these
 * services is part of this module's tests). Before the first test, waits until this instance's
 * event consumer is assigned its partitions: it starts at the newest event, so events published
 * earlier would never reach a socket.
 */
@TestPropertySource(
    properties = {
      "dealflow.realtime.sockets.max-per-user.events=5",
      "dealflow.realtime.sockets.max-per-user.cable=5",
      "dealflow.realtime.sockets.max-per-user.hellosales=5",
      "dealflow.realtime.sockets.max-per-user.voice=5",
      "dealflow.realtime.sockets.max-per-user.chat=5",
      "dealflow.realtime.support-timeout=1s",
      "dealflow.realtime.training-connect-timeout=1s",
      "dealflow.realtime.identity-timeout=1s",
      "dealflow.realtime.sockets.ping-interval=1s",
      "dealflow.realtime.sockets.idle-timeout=4s"
    })
abstract class RunningSockets extends RunningRealtimeService {

  /** As configured above: short, so that every socket test also runs on the keep-alive. */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(4);

  private static volatile boolean consuming;

  @DynamicPropertySource
  static void identity(DynamicPropertyRegistry registry) {
    registry.add("dealflow.realtime.identity-uri", FakeIdentity::start);
    registry.add("dealflow.realtime.playbook-uri", FakePlaybook::start);
    registry.add("dealflow.realtime.training-uri", FakeTraining::start);
    registry.add("dealflow.realtime.support-uri", FakeSupport::start);
  }

  protected void awaitEventsFlowing() {
    if (consuming) {
      return;
    }
    TestUsers.TestUser probe = TestUsers.inNewOrganization("rep");
    try (TestSocket socket = TestSocket.open(port, "/ws/events?token=" + probe.token())) {
      socket.next();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        UUID id = Events.dealCreated(probe.orgId(), "warm-up");
        boolean seen =
            socket.drain(Duration.ofSeconds(1)).stream()
                .anyMatch(message -> id.toString().equals(message.path("id").asString()));
        if (seen) {
          consuming = true;
          return;
        }
      }
    }
    throw new IllegalStateException("The socket event consumer never received an event");
  }
}
