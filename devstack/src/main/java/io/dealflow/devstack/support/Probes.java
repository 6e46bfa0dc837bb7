package io.dealflow.devstack.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Cheap checks for "is something there": a TCP connect and an HTTP GET, both with short timeouts.
 */
public final class Probes {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private Probes() {}

  public static boolean listening(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The status of a GET, or -1 when nothing answered in time. */
  public static int status(URI uri, Duration timeout) {
    return get(uri, timeout).map(HttpResponse::statusCode).orElse(-1);
  }

  /** The body of a GET that answered 200. */
  public static Optional<String> body(URI uri, Duration timeout) {
    return get(uri, timeout).filter(r -> r.statusCode() == 200).map(HttpResponse::body);
  }

  private static Optional<HttpResponse<String>> get(URI uri, Duration timeout) {
    try {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
      return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
