package io.dealflow.training.speech;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The audio endpoints of an OpenAI-compatible API on a local port (platform-test's OpenAiStub only
 * speaks chat completions): it records each request and answers what the test set.
 */
final class AudioApiStub implements AutoCloseable {

  record Request(
      String path, @Nullable String authorization, @Nullable String contentType, byte[] body) {

    String text() {
      return new String(body, StandardCharsets.ISO_8859_1);
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile byte[] answer = new byte[0];
  private volatile long delayMillis;

  private AudioApiStub(HttpServer server) {
    this.server = server;
  }

  static AudioApiStub start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      AudioApiStub stub = new AudioApiStub(server);
      server.createContext("/v1/audio/", stub::handle);
      server.start();
      return stub;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  AudioApiStub answer(int status, byte[] body) {
    this.status = status;
    this.answer = body;
    return this;
  }

  AudioApiStub answer(int status, String body) {
    return answer(status, body.getBytes(StandardCharsets.UTF_8));
  }

  AudioApiStub delay(long millis) {
    this.delayMillis = millis;
    return this;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.add(
          new Request(
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders().getFirst("Authorization"),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              exchange.getRequestBody().readAllBytes()));
      Thread.sleep(delayMillis);
      byte[] body = answer;
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
