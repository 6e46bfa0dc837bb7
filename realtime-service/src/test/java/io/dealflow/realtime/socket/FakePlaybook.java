package io.dealflow.realtime.socket;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * playbook-service's coach endpoints as realtime-service sees them (playbook-service is not part of
 * this module's tests): {@code POST /api/v1/sailwind/coach/messages} streams server-sent events
 * {@code start}, {@code chunk}s and {@code complete}; the content {@code "slow"} streams a chunk
 * every 100 ms for 30 s, {@code "refuse"} is answered 422 and {@code "broken"} 500 in the
 * HelloSales error shape. {@code POST …/messages/{id}/feedback} accepts ratings of the answers it
 * gave.
 */
final class FakePlaybook {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static HttpServer server;

  /** The conversations asked about, in order. */
  static final List<String> conversations = new CopyOnWriteArrayList<>();

  /** Slow answers whose reader went away before the end. */
  static final AtomicInteger abandonedStreams = new AtomicInteger();

  /** The feedback received, as {@code <messageId>:<rating>:<comment>}. */
  static final List<String> feedback = new CopyOnWriteArrayList<>();

  private static final Set<String> answered = ConcurrentHashMap.newKeySet();

  private FakePlaybook() {}

  static synchronized String start() {
    if (server == null) {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.setExecutor(Executors.newCachedThreadPool());
      server.createContext("/api/v1/sailwind/coach/messages", FakePlaybook::handle);
      server.start();
    }
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      if (authorization == null || !authorization.startsWith("Bearer ey")) {
        refuse(exchange, 401, "UNAUTHORIZED", "Authentication required");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (path.endsWith("/feedback")) {
        String messageId = path.split("/")[6];
        if (!answered.contains(messageId)) {
          refuse(exchange, 404, "NOT_FOUND", "No coach answer " + messageId + " of yours");
          return;
        }
        feedback.add(
            messageId + ":" + body.path("rating").asInt() + ":" + body.path("comment").asString());
        reply(exchange, 201, JSON.createObjectNode().put("messageId", messageId));
        return;
      }
      String content = body.path("content").asString();
      conversations.add(body.path("conversationId").asString());
      switch (content) {
        case "refuse" -> refuse(exchange, 422, "VALIDATION_ERROR", "content refused by the coach");
        case "broken" -> refuse(exchange, 500, "INTERNAL_ERROR", "the coach broke");
        default -> stream(exchange, content);
      }
    }
  }

  private static void stream(HttpExchange exchange, String content) throws IOException {
    String messageId = UUID.randomUUID().toString();
    answered.add(messageId);
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    event(out, "start", JSON.createObjectNode().put("messageId", messageId));
    if ("slow".equals(content)) {
      try {
        for (int i = 0; i < 300; i++) {
          event(out, "chunk", JSON.createObjectNode().put("content", "part " + i + " "));
          Thread.sleep(100);
        }
      } catch (IOException readerGone) {
        abandonedStreams.incrementAndGet();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    List<String> chunks = List.of("You asked: ", content, ".");
    for (String chunk : chunks) {
      event(out, "chunk", JSON.createObjectNode().put("content", chunk));
    }
    event(
        out,
        "complete",
        JSON.createObjectNode()
            .put("messageId", messageId)
            .put("fullContent", String.join("", chunks)));
  }

  private static void event(OutputStream out, String name, ObjectNode data) throws IOException {
    out.write(
        ("event: " + name + "\ndata: " + JSON.writeValueAsString(data) + "\n\n")
            .getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void refuse(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    ObjectNode detail = JSON.createObjectNode();
    detail.putObject("detail").put("code", code).put("message", message);
    reply(exchange, status, detail);
  }

  private static void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
