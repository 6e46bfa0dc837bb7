package io.dealflow.training.speech;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The two audio endpoints of an OpenAI-compatible API, over the JDK's HTTP client. Every failure
 * (no connection, timeout, an error status) becomes a {@link VoiceUnavailableException}; the key is
 * never part of a message.
 */
final class OpenAiAudioApi {

  private static final int ERROR_EXCERPT = 300;

  private final SpeechSettings.OpenAi settings;
  private final @Nullable String apiKey;
  private final HttpClient http;

  OpenAiAudioApi(SpeechSettings.OpenAi settings, @Nullable String apiKey) {
    this.settings = settings;
    this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
  }

  /** POST {@code /audio/transcriptions} with a WAV file; the answer's JSON text. */
  String transcribe(byte[] wav) {
    String boundary = "dealflow-" + UUID.randomUUID();
    Multipart body =
        new Multipart(boundary)
            .field("model", settings.sttModel())
            .field("response_format", "json")
            .file("file", "audio.wav", "audio/wav", wav);
    HttpRequest request =
        request("/audio/transcriptions")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
            .build();
    return new String(send(request), StandardCharsets.UTF_8);
  }

  /** POST {@code /audio/speech} with a JSON body; the audio bytes. */
  byte[] speech(String json) {
    HttpRequest request =
        request("/audio/speech")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return send(request);
  }

  private HttpRequest.Builder request(String path) {
    String base = settings.baseUrl().toString().replaceAll("/+$", "");
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(settings.timeout());
    if (apiKey != null) {
      builder.header("Authorization", "Bearer " + apiKey);
    }
    return builder;
  }

  private byte[] send(HttpRequest request) {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new VoiceUnavailableException(
          "OpenAI speech API at " + request.uri() + " could not be reached: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VoiceUnavailableException("Interrupted while calling the OpenAI speech API", e);
    }
    if (response.statusCode() / 100 != 2) {
      String body = new String(response.body(), StandardCharsets.UTF_8);
      throw new VoiceUnavailableException(
          "OpenAI speech API answered "
              + response.statusCode()
              + " to "
              + request.uri().getPath()
              + ": "
              + body.substring(0, Math.min(body.length(), ERROR_EXCERPT)));
    }
    return response.body();
  }

  /** A multipart/form-data body, built by hand: the JDK client has no builder for one. */
  private static final class Multipart {

    private final String boundary;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Multipart(String boundary) {
      this.boundary = boundary;
    }

    Multipart field(String name, String value) {
      text("--" + boundary + "\r\n");
      text("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
      text(value + "\r\n");
      return this;
    }

    Multipart file(String name, String fileName, String contentType, byte[] content) {
      text("--" + boundary + "\r\n");
      text(
          "Content-Disposition: form-data; name=\""
              + name
              + "\"; filename=\""
              + fileName
              + "\"\r\n");
      text("Content-Type: " + contentType + "\r\n\r\n");
      out.writeBytes(content);
      text("\r\n");
      return this;
    }

    byte[] bytes() {
      text("--" + boundary + "--\r\n");
      return out.toByteArray();
    }

    private void text(String text) {
      out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
