package io.dealflow.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Keep-alive (tests run with pings every second and a 4-second idle timeout): a client that answers
 * pings stays connected however quiet it is; one that answers nothing is closed with 4408.
 */
class IdleSocketIT extends RunningSockets {

  @Test
  void aQuietClientThatAnswersPingsStaysConnected() throws InterruptedException {
    awaitEventsFlowing();
    TestUser alice = TestUsers.inNewOrganization("rep");
    try (TestSocket socket = TestSocket.open(port, "/ws/events?token=" + alice.token())) {
      socket.next();
      Thread.sleep(IDLE_TIMEOUT.multipliedBy(2).toMillis());

      assertThat(socket.isClosed()).isFalse();
      UUID deal = Events.dealCreated(alice.orgId(), "still listening");
      assertThat(socket.next().path("id").asString()).isEqualTo(deal.toString());
    }
  }

  @Test
  void aClientThatAnswersNothingIsClosedWith4408() throws IOException {
    TestUser bob = TestUsers.inNewOrganization("rep");
    try (Socket raw = new Socket("localhost", port)) {
      raw.setSoTimeout((int) IDLE_TIMEOUT.multipliedBy(4).toMillis());
      handshake(raw, "/ws/events?token=" + bob.token());

      Frame close = readUntilClose(new DataInputStream(raw.getInputStream()));

      assertThat(close.code()).isEqualTo(4408);
      assertThat(close.reason()).isEqualTo("idle timeout");
      assertThat(close.pingsSeen()).as("the server pinged before giving up").isPositive();
    }
  }

  private record Frame(int code, String reason, int pingsSeen) {}

  private void handshake(Socket raw, String pathAndQuery) throws IOException {
    byte[] nonce = new byte[16];
    new java.security.SecureRandom().nextBytes(nonce);
    OutputStream out = raw.getOutputStream();
    out.write(
        ("GET "
                + pathAndQuery
                + " HTTP/1.1\r\nHost: localhost:"
                + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce)
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    var in = raw.getInputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      assertThat(b).as("the handshake response").isNotNegative();
      head.write(b);
    }
    assertThat(head.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 101");
  }

  /** Reads server frames (never masked) without answering any, until the close frame. */
  private static Frame readUntilClose(DataInputStream in) throws IOException {
    int pings = 0;
    while (true) {
      int opcode = in.readUnsignedByte() & 0x0F;
      long length = in.readUnsignedByte() & 0x7F;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] payload = in.readNBytes((int) length);
      if (opcode == 0x9) {
        pings++;
      } else if (opcode == 0x8) {
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        return new Frame(
            code, new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8), pings);
      }
    }
  }

  private static final Duration IDLE_TIMEOUT = RunningSockets.IDLE_TIMEOUT;
}
