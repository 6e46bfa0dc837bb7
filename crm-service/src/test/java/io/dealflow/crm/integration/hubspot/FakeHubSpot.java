package io.dealflow.crm.integration.hubspot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server on localhost that answers like the HubSpot CRM v3 objects API: {@code GET
 * /crm/v3/objects/{contacts|deals}} with a bearer token, {@code limit}, {@code after} and {@code
 * properties} (only the properties asked for are answered), paged by {@code paging.next.after}, and
 * HubSpot's error bodies. Tests script rate limits and server errors.
 */
public final class FakeHubSpot implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * A request the server received.
   *
   * @param path its path
   * @param query its decoded query parameters
   * @param authorization its Authorization header
   */
  public record Request(String path, Map<String, String> query, @Nullable String authorization) {}

  private final HttpServer server;
  private final String token;
  private final int pageSize;
  private final Map<String, List<Map<String, Object>>> objects = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger rateLimitsLeft = new AtomicInteger();
  private volatile String retryAfter = "1";
  private final AtomicInteger serverErrorsLeft = new AtomicInteger();
  private volatile @Nullable String failOnAfter;

  /**
   * @param token the private app token it accepts
   * @param pageSize the most records it answers per page, whatever {@code limit} asks
   */
  public FakeHubSpot(String token, int pageSize) {
    this.token = token;
    this.pageSize = pageSize;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/crm/v3/objects/", this::handle);
    server.start();
    objects.put("contacts", new CopyOnWriteArrayList<>());
    objects.put("deals", new CopyOnWriteArrayList<>());
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Adds (or replaces, by id) a contact with HubSpot properties. */
  public void contact(String id, Map<String, String> properties) {
    put("contacts", id, properties);
  }

  /** Adds (or replaces, by id) a deal with HubSpot properties. */
  public void deal(String id, Map<String, String> properties) {
    put("deals", id, properties);
  }

  /** The next {@code count} requests answer 429 with {@code Retry-After: seconds}. */
  public void rateLimit(int count, String seconds) {
    retryAfter = seconds;
    rateLimitsLeft.set(count);
  }

  /** The next {@code count} requests answer 503. */
  public void failWith503(int count) {
    serverErrorsLeft.set(count);
  }

  /** Every request for the page after {@code cursor} answers 500, as if HubSpot broke mid-sync. */
  public void breakAfter(String cursor) {
    failOnAfter = cursor;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void put(String type, String id, Map<String, String> properties) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("id", id);
    record.put("properties", new LinkedHashMap<>(properties));
    record.put("createdAt", "2025-01-10T09:00:00.000Z");
    record.put("updatedAt", "2025-02-01T12:30:00.000Z");
    record.put("archived", false);
    List<Map<String, Object>> list = objects.get(type);
    list.removeIf(r -> r.get("id").equals(id));
    list.add(record);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      requests.add(new Request(path, query, authorization));
      if (!("Bearer " + token).equals(authorization)) {
        send(
            exchange,
            401,
            Map.of(
                "status", "error",
                "message",
                    "Authentication credentials not found. This API supports OAuth 2.0"
                        + " authentication",
                "correlationId", "5d9a3c1e-0000-4000-8000-000000000001",
                "category", "INVALID_AUTHENTICATION"));
        return;
      }
      if (rateLimitsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        exchange.getResponseHeaders().add("Retry-After", retryAfter);
        send(
            exchange,
            429,
            Map.of(
                "status", "error",
                "message", "You have reached your secondly limit.",
                "errorType", "RATE_LIMIT",
                "policyName", "SECONDLY"));
        return;
      }
      if (serverErrorsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        send(exchange, 503, Map.of("status", "error", "message", "Service Unavailable"));
        return;
      }
      String after = query.get("after");
      if (after != null && after.equals(failOnAfter)) {
        send(exchange, 500, Map.of("status", "error", "message", "internal error"));
        return;
      }
      String type = path.substring("/crm/v3/objects/".length());
      List<Map<String, Object>> all = objects.get(type);
      if (all == null) {
        send(exchange, 404, Map.of("status", "error", "message", "Unknown object type " + type));
        return;
      }
      int limit = Math.min(pageSize, Integer.parseInt(query.getOrDefault("limit", "10")));
      int from = after == null ? 0 : Integer.parseInt(after);
      Set<String> asked =
          Arrays.stream(query.getOrDefault("properties", "").split(","))
              .collect(Collectors.toSet());
      List<Map<String, Object>> results = new ArrayList<>();
      for (Map<String, Object> record : all.subList(from, Math.min(all.size(), from + limit))) {
        Map<String, Object> copy = new LinkedHashMap<>(record);
        @SuppressWarnings("unchecked")
        Map<String, String> properties = (Map<String, String>) record.get("properties");
        Map<String, String> answered = new LinkedHashMap<>();
        properties.forEach(
            (name, value) -> {
              if (asked.contains(name)) {
                answered.put(name, value);
              }
            });
        copy.put("properties", answered);
        results.add(copy);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("results", results);
      int next = from + limit;
      if (next < all.size()) {
        body.put(
            "paging",
            Map.of(
                "next",
                Map.of(
                    "after", Integer.toString(next), "link", baseUrl() + path + "?after=" + next)));
      }
      send(exchange, 200, body);
    }
  }

  private static Map<String, String> query(@Nullable String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.put(name, value);
    }
    return query;
  }

  private static void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
