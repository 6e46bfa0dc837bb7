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
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the running service, answering whatever the status. */
public final class Api {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final @Nullable String bearer;

  Api(String base, @Nullable String bearer) {
    this.base = base;
    this.bearer = bearer;
  }

  public Api as(String accessToken) {
    return new Api(base, accessToken);
  }

  /**
   * An answer.
   *
   * @param status the HTTP status
   * @param headers the headers
   * @param bytes the body
   */
  public record Response(int status, HttpHeaders headers, byte[] bytes) {

    public String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      return JSON.readTree(bytes.length == 0 ? "null" : body());
    }

    /** {@code data.id} of a single-resource document. */
    public String id() {
      return json().get("data").get("id").asString();
    }

    public UUID uuid() {
      return UUID.fromString(id());
    }

    public JsonNode attributes() {
      return json().get("data").get("attributes");
    }

    public String header(String name) {
      return headers.firstValue(name).orElse("");
    }

    @Override
    public String toString() {
      return status + " " + body();
    }
  }

  public Response get(String path) {
    return send("GET", path, null);
  }

  public Response post(String path, Object body) {
    return send("POST", path, body);
  }

  public Response patch(String path, Object body) {
    return send("PATCH", path, body);
  }

  public Response delete(String path) {
    return send("DELETE", path, null);
  }

  /** A body that is a String is sent as it is (to send malformed JSON); anything else as JSON. */
  public Response send(String method, String path, @Nullable Object body) {
    return send(method, path, body, Map.of());
  }

  public Response send(
      String method, String path, @Nullable Object body, Map<String, String> headers) {
    String content =
        body == null ? null : body instanceof String raw ? raw : JSON.writeValueAsString(body);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                content == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(content));
    if (content != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    return exchange(request);
  }

  /**
   * A {@code multipart/form-data} POST.
   *
   * @param fields text parts
   * @param filePart the file part's name
   * @param filename the file's name
   * @param file the file's bytes, null to send no file part
   */
  public Response upload(
      String path,
      Map<String, String> fields,
      String filePart,
      String filename,
      byte @Nullable [] file) {
    String boundary = "----dealflow" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (name, value) ->
            write(
                body,
                "--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + name
                    + "\"\r\n\r\n"
                    + value
                    + "\r\n"));
    if (file != null) {
      write(
          body,
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + filePart
              + "\"; filename=\""
              + filename
              + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      body.writeBytes(file);
      write(body, "\r\n");
    }
    write(body, "--" + boundary + "--\r\n");
    return exchange(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private Response exchange(HttpRequest.Builder request) {
    request.timeout(Duration.ofSeconds(60));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    HttpRequest built = request.build();
    try {
      HttpResponse<byte[]> response = HTTP.send(built, HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(
          "crm-service did not answer " + built.method() + " " + built.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
