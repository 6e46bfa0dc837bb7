package io.dealflow.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the running service, answering whatever the status. */
final class Api {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final @Nullable String bearer;
  private final @Nullable String apiKey;

  Api(int port) {
    this("http://localhost:" + port, null, null);
  }

  /** The same client against the service's management port (actuator). */
  static Api management(int managementPort) {
    return new Api("http://localhost:" + managementPort, null, null);
  }

  private Api(String base, @Nullable String bearer, @Nullable String apiKey) {
    this.base = base;
    this.bearer = bearer;
    this.apiKey = apiKey;
  }

  /** Sends {@code Authorization: Bearer <token>}: a user's access token or an API token. */
  Api as(String accessToken) {
    return new Api(base, accessToken, null);
  }

  /** Sends an API token in {@code X-API-Key}, as the Spotlight SDKs do. */
  Api withApiKey(String token) {
    return new Api(base, null, token);
  }

  record Response(int status, HttpHeaders headers, String body) {

    JsonNode json() {
      return JSON.readTree(body.isEmpty() ? "null" : body);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  static String json(Object value) {
    return JSON.writeValueAsString(value);
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

  /** A body that is a String is sent as it is (to send malformed JSON); anything else as JSON. */
  Response send(String method, String path, @Nullable Object body) {
    String content = body == null ? null : body instanceof String raw ? raw : json(body);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                content == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(content));
    if (content != null) {
      request.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    if (apiKey != null) {
      request.header("X-API-Key", apiKey);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException("identity-service did not answer " + method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
