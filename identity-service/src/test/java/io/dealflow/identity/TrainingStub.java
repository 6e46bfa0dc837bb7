package io.dealflow.identity;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * Stands in for training-service's {@code GET /api/v1/learning/progress}: a real HTTP server on a
 * free port. What it answers is chosen per bearer token (each test registers its own user, so tests
 * never see each other's answers); a token it was not told about gets 503. It remembers every
 * request it got.
 */
final class TrainingStub {

  /** The Voice Sales Trainer seed's example answer. */
  static final String SEED_PROGRESS =
      """
      {"overall_progress":{"total_sessions":45,"hours_practiced":22.5,"average_score":78,
        "improvement_trend":15,"streak_days":12},
       "skill_breakdown":{
        "rapport_building":{"current_level":"intermediate","score":82,"sessions_practiced":15,"improvement":12},
        "objection_handling":{"current_level":"advanced","score":88,"sessions_practiced":20,"improvement":18},
        "closing":{"current_level":"beginner","score":65,"sessions_practiced":8,"improvement":8},
        "discovery":{"current_level":"intermediate","score":75,"sessions_practiced":12,"improvement":10}},
       "recent_achievements":[{"name":"Objection Master","description":"Successfully handled 50 objections",
        "earned_at":"2024-01-14T16:30:00Z"}],
       "recommended_scenarios":["6f1d8f8e-3c1a-4a52-9b7e-2d0c1f3a4b5c","0a9e7c3b-8d2f-4e61-a5b4-7c6d5e4f3a21"]}
      """;

  /**
   * One request as the stub saw it.
   *
   * @param path the path
   * @param query the raw query string
   * @param authorization the Authorization header
   */
  record Seen(String path, @Nullable String query, @Nullable String authorization) {}

  private record Answer(int status, String body, Duration delay) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Queue<Seen> seen = new ConcurrentLinkedQueue<>();

  private TrainingStub(HttpServer server) {
    this.server = server;
  }

  static TrainingStub start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      TrainingStub stub = new TrainingStub(server);
      server.createContext("/", stub::handle);
      // A slow answer must not hold up the others.
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return stub;
    } catch (IOException e) {
      throw new IllegalStateException("the training-service stand-in did not start", e);
    }
  }

  String uri() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers {@code status} with {@code body} to calls carrying {@code Bearer <token>}. */
  void answer(String token, int status, String body) {
    answers.put("Bearer " + token, new Answer(status, body, Duration.ZERO));
  }

  /** Answers 200 with the seed's progress, but only after {@code delay}. */
  void answerAfter(String token, Duration delay) {
    answers.put("Bearer " + token, new Answer(200, SEED_PROGRESS, delay));
  }

  /** The requests that carried {@code Bearer <token>}. */
  List<Seen> requestsWith(String token) {
    return seen.stream().filter(s -> ("Bearer " + token).equals(s.authorization())).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      seen.add(
          new Seen(
              exchange.getRequestURI().getPath(),
              exchange.getRequestURI().getRawQuery(),
              authorization));
      Answer answer =
          authorization == null
              ? null
              : "/api/v1/learning/progress".equals(exchange.getRequestURI().getPath())
                  ? answers.get(authorization)
                  : new Answer(404, "{\"detail\":\"Not found\"}", Duration.ZERO);
      if (answer == null) {
        answer = new Answer(503, "{\"detail\":\"stand-in told nothing\"}", Duration.ZERO);
      }
      if (!answer.delay().isZero()) {
        try {
          Thread.sleep(answer.delay());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (IOException e) {
      // The caller gave up (its timeout): nothing to answer.
    }
  }
}
