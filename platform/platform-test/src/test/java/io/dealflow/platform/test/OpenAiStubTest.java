package io.dealflow.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.OpenAiStub.Message;
import io.dealflow.platform.test.OpenAiStub.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The stub's wire format, as an OpenAI client reads it. */
class OpenAiStubTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static OpenAiStub stub;

  @BeforeAll
  static void start() {
    stub = OpenAiStub.start();
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/chat/completions"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer k")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersAsOneCompletionAndRecordsTheRequest() throws Exception {
    stub.reply(Reply.chunks("Hel", "lo"));

    HttpResponse<String> response =
        post(
            """
            {"model":"m","messages":[{"role":"system","content":"be brief"},
             {"role":"user","content":[{"type":"text","text":"hi"}]}]}""");

    JsonNode body = JSON.readTree(response.body());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body.at("/object").asString()).isEqualTo("chat.completion");
    assertThat(body.at("/choices/0/message/content").asString()).isEqualTo("Hello");
    assertThat(body.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
    assertThat(stub.lastRequest().model()).isEqualTo("m");
    assertThat(stub.lastRequest().authorization()).isEqualTo("Bearer k");
    assertThat(stub.lastRequest().messages())
        .containsExactly(new Message("system", "be brief"), new Message("user", "hi"));
  }

  @Test
  void streamsServerSentEventsEndingWithDone() throws Exception {
    stub.reply(Reply.chunks("Hel", "lo"));

    HttpResponse<String> response =
        post(
            """
            {"model":"m","stream":true,"stream_options":{"include_usage":true},
             "messages":[{"role":"user","content":"hi"}]}""");

    List<String> events =
        response.body().lines().filter(line -> line.startsWith("data: ")).toList();
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    assertThat(events).hasSize(5).last().isEqualTo("data: [DONE]");
    JsonNode first = JSON.readTree(events.get(0).substring(6));
    assertThat(first.at("/object").asString()).isEqualTo("chat.completion.chunk");
    assertThat(first.at("/choices/0/delta/role").asString()).isEqualTo("assistant");
    assertThat(first.at("/choices/0/delta/content").asString()).isEqualTo("Hel");
    assertThat(JSON.readTree(events.get(1).substring(6)).at("/choices/0/delta/content").asString())
        .isEqualTo("lo");
    assertThat(JSON.readTree(events.get(2).substring(6)).at("/choices/0/finish_reason").asString())
        .isEqualTo("stop");
    assertThat(JSON.readTree(events.get(3).substring(6)).at("/usage/total_tokens").asInt())
        .isEqualTo(3);
    assertThat(stub.lastRequest().stream()).isTrue();
  }

  @Test
  void failsWithTheToldStatusAndAnOpenAiErrorBody() throws Exception {
    stub.reply(Reply.failure(401, "bad key"));

    HttpResponse<String> response = post("{\"model\":\"m\",\"messages\":[]}");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(response.body()).at("/error/message").asString()).isEqualTo("bad key");
  }
}
