package io.dealflow.realtime.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A partner's webhook receiver: a real HTTP server on the loopback interface that records every
 * request and answers each path from a script (then 200 once the script runs out).
 */
final class Receiver implements AutoCloseable {

  record Request(String path, Instant at, Map<String, List<String>> headers, byte[] body) {

    String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> String.join(",", entry.getValue()))
          .findFirst()
          .orElse(null);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  record Answer(int status, Map<String, String> headers, String body) {
    static Answer status(int status) {
      return new Answer(status, Map.of(), "answer " + status);
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, ConcurrentLinkedQueue<Answer>> scripts = new ConcurrentHashMap<>();

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          String path = exchange.getRequestURI().getPath();
          requests.add(
              new Request(path, Instant.now(), Map.copyOf(exchange.getRequestHeaders()), body));
          Answer answer = scripts.getOrDefault(path, new ConcurrentLinkedQueue<>()).poll();
          if (answer == null) {
            answer = Answer.status(200);
          }
          answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
          byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(answer.status(), out.length);
          exchange.getResponseBody().write(out);
          exchange.close();
        });
    server.start();
  }

  /** Answers the next requests to {@code path} in this order. */
  void script(String path, Answer... answers) {
    scripts.computeIfAbsent(path, any -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  List<Request> requests(String path) {
    return requests.stream().filter(request -> request.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
