package io.dealflow.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A WebSocket client as a browser would hold one (the JDK's, which answers pings with pongs). */
final class TestSocket implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  record Closed(int code, String reason) {}

  private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private final WebSocket socket;

  private TestSocket(URI uri, @Nullable String bearer, String... subprotocols) {
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    if (subprotocols.length > 0) {
      builder.subprotocols(
          subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
    }
    this.socket = builder.buildAsync(uri, new Listener()).join();
  }

  static TestSocket open(int port, String pathAndQuery, String... subprotocols) {
    return new TestSocket(URI.create("ws://localhost:" + port + pathAndQuery), null, subprotocols);
  }

  /** A socket that presents its token as a server-side or mobile client does: in a header. */
  static TestSocket withBearer(int port, String path, String token, String... subprotocols) {
    return new TestSocket(URI.create("ws://localhost:" + port + path), token, subprotocols);
  }

  String subprotocol() {
    return socket.getSubprotocol();
  }

  void send(String text) {
    socket.sendText(text, true).join();
  }

  /** The next message, failing the test when none arrives in time. */
  JsonNode next(Duration timeout) {
    try {
      JsonNode message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(message).as("a message within %s", timeout).isNotNull();
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode next() {
    return next(Duration.ofSeconds(15));
  }

  /** The first message that matches, skipping the others. */
  JsonNode await(Predicate<JsonNode> matching, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      assertThat(left).as("a matching message within %s", timeout).isPositive();
      JsonNode message = next(Duration.ofNanos(left));
      if (matching.test(message)) {
        return message;
      }
    }
  }

  /** Every message that arrives within {@code quiet}. */
  List<JsonNode> drain(Duration quiet) {
    List<JsonNode> seen = new ArrayList<>();
    try {
      JsonNode message;
      while ((message = messages.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
        seen.add(message);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return seen;
  }

  Closed closed(Duration timeout) {
    return closed.orTimeout(timeout.toSeconds(), TimeUnit.SECONDS).join();
  }

  boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(failure -> null);
    }
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {

    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(JSON.readTree(partial.toString()));
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(new Closed(statusCode, reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(new Closed(-1, String.valueOf(error)));
    }
  }
}
