package io.dealflow.devstack.launch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Stands in for a service jar in StackIT. It behaves as {@code fake.properties} in its working
 * directory (the module directory) says: {@code exit=N} prints 40 numbered lines and exits with N;
 * {@code ready=false} serves readiness 503 forever; otherwise it is ready at once and shows its
 * environment at {@code /env}.
 */
public final class FakeService {

  private FakeService() {}

  public static void main(String[] args) throws IOException {
    Properties behaviour = new Properties();
    Path file = Path.of("fake.properties");
    if (Files.exists(file)) {
      try (var in = Files.newBufferedReader(file)) {
        behaviour.load(in);
      }
    }
    String exit = behaviour.getProperty("exit");
    if (exit != null) {
      for (int i = 1; i <= 40; i++) {
        System.out.println("fake line " + i);
      }
      System.exit(Integer.parseInt(exit));
    }
    boolean ready = !"false".equals(behaviour.getProperty("ready"));
    int port = Integer.parseInt(System.getenv("SERVER_PORT"));
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/env", exchange -> respond(exchange, 200, environment()));
    server.start();
    // Like a Spring service, the probes answer on the management port only.
    int managementPort = Integer.parseInt(System.getenv("MANAGEMENT_SERVER_PORT"));
    HttpServer management = HttpServer.create(new InetSocketAddress(managementPort), 0);
    management.createContext(
        "/actuator/health/readiness",
        exchange -> respond(exchange, ready ? 200 : 503, ready ? "{\"status\":\"UP\"}" : "{}"));
    management.start();
    System.out.println("fake service listening on " + port);
  }

  private static String environment() {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(System.getenv())
        .forEach(
            (name, value) -> {
              if (name.startsWith("SERVER_")
                  || name.startsWith("MANAGEMENT_")
                  || name.startsWith("SPRING_")
                  || name.startsWith("DEALFLOW_")
                  || name.equals("JAVA_TOOL_OPTIONS")) {
                out.append(name).append('=').append(value).append('\n');
              }
            });
    return out.toString();
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
