package io.dealflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies over their route's limit: 413 in the route's format, before the service gets the
 * body (a declared length) or its end (a chunked body); upload routes take their own limits.
 */
class BodyLimitTest extends GatewayTestBase {

  private static final int MB = 1024 * 1024;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aTwentyMegabyteLeadIs413InSpotlightsFormatAndNeverReachesCrm() throws Exception {
    String requestId = UUID.randomUUID().toString();

    HttpResponse<String> refused =
        post("/api/v1/leads", requestId, BodyPublishers.ofByteArray(new byte[20 * MB]));

    assertThat(refused.statusCode()).isEqualTo(413);
    JsonNode error = JSON.readTree(refused.body()).get("errors").get(0);
    assertThat(error.get("status").asString()).isEqualTo("413");
    assertThat(error.get("title").asString()).isEqualTo("Payload Too Large");
    assertThat(error.get("meta").get("max_bytes").asLong()).isEqualTo(MB);
    assertThat(EchoBackend.ARRIVED).doesNotContain(requestId);
  }

  @Test
  void aChunkedBodyIsCutOffOncePastTheLimitAndCrmNeverGetsItsEnd() throws Exception {
    String requestId = UUID.randomUUID().toString();

    HttpResponse<String> refused = post("/api/v1/leads", requestId, chunked(3 * MB));

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(refused.body()).get("errors").get(0).get("status").asString())
        .isEqualTo("413");
    assertThat(EchoBackend.COMPLETED).doesNotContain(requestId);
  }

  @Test
  void aBodyWithinTheLimitReachesTheServiceWhole() throws Exception {
    HttpResponse<String> passed =
        post("/api/v1/leads", UUID.randomUUID().toString(), chunked(MB - 100));

    assertThat(passed.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(passed.body()).get("body_bytes").asLong()).isEqualTo(MB - 100);
  }

  @Test
  void anUploadRouteTakesItsOwnLimit() throws Exception {
    String path = "/api/v1/conversations/" + UUID.randomUUID() + "/audio";

    HttpResponse<String> passed =
        post(path, UUID.randomUUID().toString(), BodyPublishers.ofByteArray(new byte[5 * MB]));
    HttpResponse<String> refused =
        post(path, UUID.randomUUID().toString(), BodyPublishers.ofByteArray(new byte[27 * MB]));

    assertThat(passed.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(passed.body()).get("body_bytes").asLong()).isEqualTo(5L * MB);
    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.body()).contains("\"max_bytes\":" + 26L * MB);
  }

  @Test
  void anAnonymousBodyIsRefusedInItsRoutesFormatBeforeItsTokenIsAsked() throws Exception {
    HttpResponse<String> refused =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/register"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", newClientIp())
                .POST(BodyPublishers.ofByteArray(new byte[2 * MB]))
                .build(),
            BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(refused.body()).get("error_code").asString())
        .isEqualTo("PAYLOAD_TOO_LARGE");
  }

  private static BodyPublisher chunked(int size) {
    byte[] body = new byte[size];
    return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
  }

  private HttpResponse<String> post(String path, String requestId, BodyPublisher body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + Tokens.admin())
            .header("Content-Type", "application/json")
            .header("X-Request-Id", requestId)
            .header("X-Forwarded-For", newClientIp())
            .POST(body)
            .build(),
        BodyHandlers.ofString());
  }
}
