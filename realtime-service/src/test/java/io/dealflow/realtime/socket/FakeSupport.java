package io.dealflow.realtime.socket;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * support-service's chat endpoints as realtime-service sees them (support-service is not part of
 * this module's tests), on a real local server, answering in the HeliosCS error shape {@code
 * {"error":{"code","message"}}}.
 *
 * <p>{@code GET /api/v1/support/sessions/{id}} needs {@code Authorization: Bearer ey…} (else 401):
 * a session opened here for the caller's organization ({@code org_id} of the token) answers 200
 * with the HeliosCS session and its current status; one opened as {@link Answer#FORBIDDEN} answers
 * 403, {@link Answer#BROKEN} 503, {@link Answer#DROPPED} drops the connection without an answer;
 * any other id, or another organization's session, answers 404.
 *
 * <p>{@code POST /api/v1/support/chat/process} and {@code POST /api/v1/support/messages/send}
 * record what they received with the caller's subject, and answer 200 with the seed's response (an
 * answer and a stored message, which realtime-service must not show); the content {@code refuse} is
 * answered 422 {@code VALIDATION_ERROR}, {@code broken} 503.
 */
final class FakeSupport {

  /** How a session opened here answers its check. */
  enum Answer {
    OK,
    FORBIDDEN,
    BROKEN,
    DROPPED
  }

  /** A message realtime-service relayed: the path, the token's subject and the body. */
  record Relayed(String path, String subject, JsonNode body) {}

  private record Session(UUID orgId, Answer answer) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<UUID, Session> sessions = new ConcurrentHashMap<>();
  private static final Map<UUID, String> statuses = new ConcurrentHashMap<>();
  private static HttpServer server;

  /** Every message relayed, in order. */
  static final List<Relayed> relayed = new CopyOnWriteArrayList<>();

  private FakeSupport() {}

  static synchronized String start() {
    if (server == null) {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.setExecutor(Executors.newCachedThreadPool());
      server.createContext("/api/v1/support/sessions/", FakeSupport::session);
      server.createContext("/api/v1/support/chat/process", FakeSupport::relay);
      server.createContext("/api/v1/support/messages/send", FakeSupport::relay);
      server.start();
    }
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** An active session of the organization. */
  static UUID open(UUID orgId) {
    return open(orgId, Answer.OK);
  }

  static UUID open(UUID orgId, Answer answer) {
    UUID id = UUID.randomUUID();
    sessions.put(id, new Session(orgId, answer));
    statuses.put(id, "active");
    return id;
  }

  /** The session's status from now on: {@code active}, {@code ended} or {@code escalated}. */
  static void status(UUID sessionId, String status) {
    statuses.put(sessionId, status);
  }

  /** The messages relayed into one session, in order. */
  static List<Relayed> relayedTo(UUID sessionId) {
    return relayed.stream()
        .filter(
            message -> sessionId.toString().equals(message.body().path("session_id").asString()))
        .toList();
  }

  private static void session(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode claims = claims(exchange);
      if (claims == null) {
        refuse(exchange, 401, "AUTHENTICATION_ERROR", "Invalid or expired token");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      UUID id = uuid(path.substring(path.lastIndexOf('/') + 1));
      Session session = id == null ? null : sessions.get(id);
      if (session == null || !session.orgId().toString().equals(claims.path("org_id").asString())) {
        refuse(exchange, 404, "NOT_FOUND", "Session not found");
        return;
      }
      switch (session.answer()) {
        case FORBIDDEN ->
            refuse(
                exchange, 403, "AUTHORIZATION_ERROR", "This session belongs to another customer");
        case BROKEN -> refuse(exchange, 503, "INTERNAL_ERROR", "The database is unavailable");
        case DROPPED -> throw new IOException("dropped without an answer");
        case OK -> {
          ObjectNode body = JSON.createObjectNode();
          body.put("session_id", id.toString());
          body.put("customer_id", "customer-" + id);
          body.put("status", statuses.get(id));
          body.put("channel", "web");
          body.put("created_at", Instant.now().toString());
          body.putArray("messages");
          body.putObject("metadata");
          reply(exchange, 200, body);
        }
      }
    }
  }

  private static void relay(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      JsonNode claims = claims(exchange);
      if (claims == null) {
        refuse(exchange, 401, "AUTHENTICATION_ERROR", "Invalid or expired token");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      relayed.add(new Relayed(path, claims.path("sub").asString(), body));
      String content =
          path.endsWith("/process")
              ? body.path("message").asString()
              : body.path("content").asString();
      switch (content) {
        case "refuse" ->
            refuse(exchange, 422, "VALIDATION_ERROR", "The message breaks the chat's rules");
        case "broken" -> refuse(exchange, 503, "INTERNAL_ERROR", "The assistant is unavailable");
        default -> {
          ObjectNode answer = JSON.createObjectNode();
          if (path.endsWith("/process")) {
            answer.put("response", "An answer realtime-service must not show");
            answer.put("confidence", 0.9);
            answer.putArray("citations");
            answer.put("escalation_needed", false);
          } else {
            answer.put("message_id", UUID.randomUUID().toString());
            answer.put("session_id", body.path("session_id").asString());
            answer.put("content", content);
            answer.put("message_type", "agent");
            answer.put("status", "sent");
          }
          reply(exchange, 200, answer);
        }
      }
    }
  }

  /** The bearer token's claims, or null without one. */
  private static JsonNode claims(HttpExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ey")) {
      return null;
    }
    String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
    return JSON.readTree(Base64.getUrlDecoder().decode(payload));
  }

  private static UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException notAUuid) {
      return null;
    }
  }

  private static void refuse(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    ObjectNode error = JSON.createObjectNode();
    error
        .putObject("error")
        .put("code", code)
        .put("message", message)
        .put("timestamp", Instant.now().toString())
        .put("request_id", UUID.randomUUID().toString());
    reply(exchange, status, error);
  }

  private static void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
