package io.dealflow.realtime.webhook;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls /api/v1/webhooks as a client would, answering the JSON bodies. */
final class WebhookApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final WebTestClient client;

  WebhookApi(String baseUrl) {
    this.client = WebTestClient.bindToServer().baseUrl(baseUrl).build();
  }

  record Answer(HttpStatus status, JsonNode body) {}

  Answer create(String token, String url, List<String> events) {
    return call(token, "POST", "/api/v1/webhooks", Map.of("url", url, "events", events));
  }

  JsonNode created(String token, String url, List<String> events) {
    Answer answer = create(token, url, events);
    if (answer.status() != HttpStatus.CREATED) {
      throw new AssertionError("Expected 201, got " + answer);
    }
    return answer.body();
  }

  Answer call(String token, String method, String path, Object body) {
    var spec =
        client
            .method(org.springframework.http.HttpMethod.valueOf(method))
            .uri(path)
            .headers(headers -> headers.setBearerAuth(token));
    var exchange = body == null ? spec.exchange() : spec.bodyValue(body).exchange();
    var result = exchange.returnResult(String.class);
    String text = String.join("", result.getResponseBody().collectList().block());
    return new Answer(
        HttpStatus.valueOf(result.getStatus().value()),
        text.isEmpty() ? JSON.nullNode() : JSON.readTree(text));
  }

  Answer get(String token, String path) {
    return call(token, "GET", path, null);
  }

  Answer post(String token, String path) {
    return call(token, "POST", path, null);
  }
}
