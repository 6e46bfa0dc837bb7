package io.dealflow.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A frontend's WebSocket through the gateway, and waiting for the messages it expects. */
final class Sockets {

  static final Duration WAIT = Duration.ofSeconds(30);

  private Sockets() {}

  /** Opens {@code pathAndQuery} on the gateway; every text message lands in {@code messages}. */
  static WebSocket open(
      String pathAndQuery, List<String> subprotocols, BlockingQueue<JsonNode> messages)
      throws Exception {
    return open(pathAndQuery, subprotocols, null, messages, new CompletableFuture<>());
  }

  /**
   * Opens {@code pathAndQuery} on the gateway as a server-side or mobile client does, with {@code
   * Authorization: Bearer <bearer>} on the handshake when {@code bearer} is given; the close code
   * the server sends completes {@code closed}.
   */
  static WebSocket open(
      String pathAndQuery,
      List<String> subprotocols,
      @Nullable String bearer,
      BlockingQueue<JsonNode> messages,
      CompletableFuture<Integer> closed)
      throws Exception {
    String url = E2eStack.get().gatewayUrl().replaceFirst("^http", "ws") + pathAndQuery;
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
    if (!subprotocols.isEmpty()) {
      builder.subprotocols(subprotocols.getFirst());
    }
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    return builder
        .buildAsync(
            URI.create(url),
            new WebSocket.Listener() {
              private final StringBuilder text = new StringBuilder();

              @Override
              public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                  messages.add(Http.JSON.readTree(text.toString()));
                  text.setLength(0);
                }
                ws.request(1);
                return null;
              }

              @Override
              public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
              }
            })
        .get(10, TimeUnit.SECONDS);
  }

  /**
   * A VectorOS {@code /ws/events} socket authenticated with {@code ?token=}, once the server has
   * said {@code connection.ready}; its messages land in {@code messages}.
   */
  static WebSocket openEvents(String token, BlockingQueue<JsonNode> messages) throws Exception {
    WebSocket socket = open("/ws/events?token=" + token, List.of(), messages);
    awaitReady(messages);
    return socket;
  }

  /**
   * A Spotlight {@code /cable} socket (ActionCable's JSON protocol) authenticated with {@code
   * ?token=}, once the server has said {@code welcome}.
   */
  static WebSocket openCable(String token, BlockingQueue<JsonNode> messages) throws Exception {
    WebSocket socket = open("/cable?token=" + token, List.of("actioncable-v1-json"), messages);
    await(messages, m -> "welcome".equals(m.path("type").asString("")));
    return socket;
  }

  /** Subscribes a cable to a channel and waits for the confirmation of that channel. */
  static void subscribeCable(WebSocket cable, BlockingQueue<JsonNode> messages, String identifier)
      throws InterruptedException {
    cable.sendText(
        Http.JSON.writeValueAsString(Map.of("command", "subscribe", "identifier", identifier)),
        true);
    await(
        messages,
        m ->
            "confirm_subscription".equals(m.path("type").asString(""))
                && identifier.equals(m.path("identifier").asString("")));
  }

  /** Waits for {@code /ws/events}' {@code connection.ready}. */
  static void awaitReady(BlockingQueue<JsonNode> messages) throws InterruptedException {
    await(messages, m -> "connection.ready".equals(m.path("event").asString("")));
  }

  /** The first message that matches, skipping the others; fails after {@link #WAIT}. */
  static JsonNode await(BlockingQueue<JsonNode> messages, Predicate<JsonNode> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode message = messages.poll(250, TimeUnit.MILLISECONDS);
      if (message != null && wanted.test(message)) {
        return message;
      }
    }
    throw new AssertionError("No matching socket message within " + WAIT);
  }

  /** The first message that matches within {@code within}, skipping the others; null if none. */
  static @org.jspecify.annotations.Nullable JsonNode poll(
      BlockingQueue<JsonNode> messages, Predicate<JsonNode> wanted, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode message = messages.poll(250, TimeUnit.MILLISECONDS);
      if (message != null && wanted.test(message)) {
        return message;
      }
    }
    return null;
  }

  /** The next message, whatever it is; fails after {@link #WAIT}. */
  static JsonNode next(BlockingQueue<JsonNode> messages) throws InterruptedException {
    JsonNode message = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("No socket message within " + WAIT);
    }
    return message;
  }
}
