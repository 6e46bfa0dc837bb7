package io.dealflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * training-service is not running at all: its port refuses connections. The profile still answers
 * 200 and says progress is unavailable. (A context of its own: the address is fixed at start.)
 */
class ProfileTrainingDownIT extends RunningIdentityService {

  private static final int CLOSED_PORT = closedPort();

  @DynamicPropertySource
  static void trainingDown(DynamicPropertyRegistry registry) {
    registry.add("dealflow.identity.training.uri", () -> "http://127.0.0.1:" + CLOSED_PORT);
  }

  @Test
  void aTrainingServiceThatIsDownLeavesProgressUnavailable() {
    Registered erin = register("Down Training Co");

    ProfileProgressIT.assertUnavailable(
        api().as(erin.accessToken()).get("/api/v1/profile"),
        "Training progress is unavailable right now");
    // It asked the closed port, not the shared stand-in.
    assertThat(TRAINING.requestsWith(erin.accessToken())).isEmpty();
  }

  /** A port that was free a moment ago and that nothing listens on now. */
  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
