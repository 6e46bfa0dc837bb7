package io.dealflow.playbook.coach;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A reader of the coach's server-sent events, as realtime-service (or any client) reads them. */
final class CoachStream implements AutoCloseable {

  /** One server-sent event: its name and its JSON data. */
  record Event(String name, JsonNode data) {}

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final int status;
  private final InputStream body;
  private final BufferedReader lines;

  private CoachStream(int status, InputStream body) {
    this.status = status;
    this.body = body;
    this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
  }

  /** Asks and returns the open stream of the answer. */
  static CoachStream ask(String baseUrl, String token, UUID conversationId, String content) {
    String question =
        JSON.writeValueAsString(
            JSON.createObjectNode()
                .put("conversationId", conversationId.toString())
                .put("content", content));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/sailwind/coach/messages"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(question))
            .build();
    try {
      HttpResponse<InputStream> response =
          HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
      return new CoachStream(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every event of a whole answer. */
  static List<Event> answer(String baseUrl, String token, UUID conversationId, String content) {
    try (CoachStream stream = ask(baseUrl, token, conversationId, content)) {
      List<Event> events = new ArrayList<>();
      Event event;
      while ((event = stream.next()) != null) {
        events.add(event);
      }
      return events;
    }
  }

  int status() {
    return status;
  }

  /** The whole body as text, for an answer that is not an event stream. */
  String body() {
    try {
      return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next event, or null at the end of the stream. */
  @Nullable Event next() {
    try {
      String name = null;
      StringBuilder data = new StringBuilder();
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (name != null) {
            return new Event(name, JSON.readTree(data.toString()));
          }
          continue;
        }
        if (line.startsWith("event:")) {
          name = line.substring("event:".length()).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring("data:".length()).strip());
        }
      }
      return name == null ? null : new Event(name, JSON.readTree(data.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
