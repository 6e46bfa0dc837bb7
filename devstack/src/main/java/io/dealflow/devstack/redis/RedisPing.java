package io.dealflow.devstack.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * PING in the Redis protocol over a plain socket: enough to tell a Redis from anything else without
 * a client library in devstack.
 */
public final class RedisPing {

  private RedisPing() {}

  /** The first reply line to PING (after AUTH when a password is given), e.g. {@code +PONG}. */
  public static String ping(String host, int port, @Nullable String password, boolean tls)
      throws IOException {
    try (Socket socket = tls ? SSLSocketFactory.getDefault().createSocket() : new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2000);
      socket.setSoTimeout(3000);
      OutputStream out = socket.getOutputStream();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      if (password != null) {
        out.write(command("AUTH", password));
        out.flush();
        String reply = in.readLine();
        if (reply == null || !reply.startsWith("+OK")) {
          return String.valueOf(reply);
        }
      }
      out.write(command("PING"));
      out.flush();
      String reply = in.readLine();
      return reply == null ? "(connection closed)" : reply;
    }
  }

  private static byte[] command(String... parts) {
    StringBuilder resp = new StringBuilder("*").append(parts.length).append("\r\n");
    for (String part : parts) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      resp.append('$').append(bytes.length).append("\r\n").append(part).append("\r\n");
    }
    return resp.toString().getBytes(StandardCharsets.UTF_8);
  }
}
