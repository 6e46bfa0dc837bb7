package io.dealflow.training.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A call socket client as realtime-service is one: the rep's token on the handshake. Public for the
 * other features' tests that play a call.
 */
public final class CallClient implements WebSocket.Listener, AutoCloseable {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  private final List<JsonNode> seen = new ArrayList<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private final WebSocket socket;

  private CallClient(URI uri, String token) {
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .header("Authorization", "Bearer " + token)
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(uri, this)
            .join();
  }

  public static CallClient open(int port, String sessionId, String token) {
    return new CallClient(
        URI.create("ws://localhost:" + port + "/internal/voice/" + sessionId), token);
  }

  public void send(Map<String, ?> message) {
    sendRaw(JSON.writeValueAsString(message));
  }

  void sendRaw(String text) {
    socket.sendText(text, true).join();
  }

  public void config() {
    send(
        Map.of(
            "type",
            "config",
            "data",
            Map.of("sample_rate", 16000, "channels", 1, "format", "pcm")));
  }

  /** Streams PCM in 100 ms chunks, then a second of silence so the utterance ends. */
  void speak(byte[] pcm) {
    int chunk = 3200;
    for (int at = 0; at < pcm.length; at += chunk) {
      byte[] part = java.util.Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + chunk));
      send(Map.of("type", "audio", "data", Base64.getEncoder().encodeToString(part)));
    }
    byte[] silence = new byte[chunk];
    for (int i = 0; i < 12; i++) {
      send(Map.of("type", "audio", "data", Base64.getEncoder().encodeToString(silence)));
    }
  }

  /** The next message of a type; messages of other types on the way are kept in {@link #seen}. */
  public JsonNode await(String type) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        JsonNode next = received.poll(250, TimeUnit.MILLISECONDS);
        if (next == null) {
          continue;
        }
        seen.add(next);
        if (type.equals(next.path("type").asString())) {
          return next;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("No " + type + " within 30 s; saw " + seen);
  }

  /** An error with its code: the Trainer socket's error shape. */
  JsonNode awaitError(String code) {
    JsonNode error = await("error");
    assertThat(error.get("error_code").asString()).as(error.toString()).isEqualTo(code);
    assertThat(error.get("message").asString()).isNotBlank();
    assertThat(error.get("retry_allowed").isBoolean()).isTrue();
    return error;
  }

  public List<JsonNode> seen() {
    return seen;
  }

  int closeCode() {
    return closed.orTimeout(30, TimeUnit.SECONDS).join();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      received.add(JSON.readTree(partial.toString()));
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    webSocket.request(1);
    return null;
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed() && !closed.isDone()) {
      try {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
      } catch (java.util.concurrent.CompletionException closedMeanwhile) {
        // The server closed first (e.g. 4400, or 1000 after session_ended): nothing to close.
        socket.abort();
      }
    }
  }
}
