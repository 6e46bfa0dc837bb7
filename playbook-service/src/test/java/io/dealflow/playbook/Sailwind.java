package io.dealflow.playbook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for a running service, whatever the status; paths are as given. */
public final class Sailwind {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final @Nullable String bearer;

  public Sailwind(String base, @Nullable String bearer) {
    this.base = base;
    this.bearer = bearer;
  }

  /**
   * An answer.
   *
   * @param status its status
   * @param headers its headers
   * @param body its body
   */
  public record Response(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
      return JSON.readTree(body.isEmpty() ? "null" : body);
    }

    /** The HelloSales error code of an error answer: {@code detail.code}. */
    public String code() {
      return json().get("detail").get("code").asString();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  public Response get(String path) {
    return send("GET", path, null);
  }

  public Response delete(String path) {
    return send("DELETE", path, null);
  }

  /** A body that is a String is sent as it is (to send malformed JSON); anything else as JSON. */
  public Response post(String path, Object body) {
    return send("POST", path, body);
  }

  public Response patch(String path, Object body) {
    return send("PATCH", path, body);
  }

  private Response send(String method, String path, @Nullable Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(
                        body instanceof String raw ? raw : JSON.writeValueAsString(body),
                        StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(base + " did not answer " + method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
