package io.dealflow.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small black-box HTTP client: what a frontend does, nothing the services share. */
final class Http {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final Map<String, String> headers = new LinkedHashMap<>();

  Http(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A client that sends these headers on every request (e.g. a distinct client address). */
  Http with(String name, String value) {
    Http copy = new Http(baseUrl);
    copy.headers.putAll(headers);
    copy.headers.put(name, value);
    return copy;
  }

  Http bearer(String token) {
    return with("Authorization", "Bearer " + token);
  }

  Response get(String path) {
    return send("GET", path, null);
  }

  Response post(String path, @Nullable Object body) {
    return send("POST", path, body);
  }

  Response put(String path, Object body) {
    return send("PUT", path, body);
  }

  Response patch(String path, Object body) {
    return send("PATCH", path, body);
  }

  /** Sends a raw body as JSON, for malformed-input tests. */
  Response postRaw(String path, String rawJson) {
    return exchange("POST", path, HttpRequest.BodyPublishers.ofString(rawJson));
  }

  Response send(String method, String path, @Nullable Object body) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    return exchange(method, path, publisher);
  }

  private Response exchange(String method, String path, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .method(method, body);
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response);
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Response(HttpResponse<String> raw) {

    int status() {
      return raw.statusCode();
    }

    String body() {
      return raw.body();
    }

    JsonNode json() {
      String body = raw.body();
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    }

    @Nullable String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return raw.statusCode() + " " + raw.body();
    }
  }
}
