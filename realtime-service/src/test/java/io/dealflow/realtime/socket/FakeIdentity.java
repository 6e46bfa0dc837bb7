package io.dealflow.realtime.socket;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * identity-service's {@code PUT /api/v1/auth/me} as realtime-service sees it: 200 with the changed
 * user for a bearer token, 401 without, 422 in the Trainer error shape for a blank name, and an
 * answer slower than the socket's timeout for the name "Slow". And its HelloSales {@code PATCH
 * /api/v1/profile}: 200 with the profile for a bearer token, 401 without, 400 in the HelloSales
 * error shape for a blank {@code displayName}.
 */
final class FakeIdentity {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static HttpServer server;

  private FakeIdentity() {}

  static synchronized String start() {
    if (server == null) {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // A request per thread: the deliberately slow answer must not hold up the next test's call.
      server.setExecutor(Executors.newCachedThreadPool());
      server.createContext(
          "/api/v1/auth/me",
          exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            ObjectNode answer = JSON.createObjectNode();
            int status;
            if (!"PUT".equals(exchange.getRequestMethod())
                || authorization == null
                || !authorization.startsWith("Bearer ey")) {
              status = 401;
              answer.put("detail", "Authentication required");
            } else if ("Slow".equals(body.path("first_name").asString())) {
              sleep();
              status = 200;
            } else if (body.path("first_name").asString().isBlank()) {
              status = 422;
              answer.put("detail", "first_name: must not be blank");
              answer.put("error_code", "VALIDATION_ERROR");
            } else {
              status = 200;
              answer.put("first_name", body.path("first_name").asString());
              answer.put("company", body.path("company").asString());
            }
            byte[] bytes = JSON.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
          });
      server.createContext(
          "/api/v1/profile",
          exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            ObjectNode answer = JSON.createObjectNode();
            int status;
            String displayName = body.path("displayName").asString("");
            if (!"PATCH".equals(exchange.getRequestMethod())
                || authorization == null
                || !authorization.startsWith("Bearer ey")) {
              status = 401;
              answer.putObject("detail").put("code", "UNAUTHORIZED");
            } else if (displayName.isBlank()) {
              status = 400;
              answer
                  .putObject("detail")
                  .put("code", "VALIDATION_ERROR")
                  .put("message", "displayName: must not be blank");
            } else {
              status = 200;
              answer.put("id", "5d0c6a3e-8f1b-4e2a-9c47-1a2b3c4d5e02");
              answer.put("email", "rep@example.com");
              answer.put("displayName", displayName.strip());
              answer.putArray("skills");
              answer.putObject("progress");
            }
            byte[] bytes = JSON.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
          });
      server.start();
    }
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void sleep() {
    try {
      Thread.sleep(3000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
