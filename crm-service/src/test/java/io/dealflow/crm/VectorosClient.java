package io.dealflow.crm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the VectorOS routes of the running service, whatever the status. */
public final class VectorosClient {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final @Nullable String bearer;

  public VectorosClient(String base, @Nullable String bearer) {
    this.base = base;
    this.bearer = bearer;
  }

  public VectorosClient as(String accessToken) {
    return new VectorosClient(base, accessToken);
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

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  public Response get(String path) {
    return send("GET", path, null, null);
  }

  public Response delete(String path) {
    return send("DELETE", path, null, null);
  }

  /** A body that is a String is sent as it is (to send malformed JSON); anything else as JSON. */
  public Response post(String path, @Nullable Object body) {
    return body == null
        ? send("POST", path, null, null)
        : send("POST", path, json(body), "application/json");
  }

  public Response patch(String path, Object body) {
    return send("PATCH", path, json(body), "application/json");
  }

  /** Posts bytes with their content type. */
  public Response postRaw(String path, byte[] body, String contentType) {
    return send("POST", path, body, contentType);
  }

  /** Posts one file as the multipart/form-data part {@code part}. */
  public Response postFile(String path, String part, String filename, byte[] content) {
    String boundary = "----dealflow-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\n"
                + "Content-Disposition: form-data; name=\""
                + part
                + "\"; filename=\""
                + filename
                + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send("POST", path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
  }

  private static byte[] json(Object value) {
    String text = value instanceof String raw ? raw : JSON.writeValueAsString(value);
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private Response send(String method, String path, byte @Nullable [] body, @Nullable String type) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException("crm-service did not answer " + method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
