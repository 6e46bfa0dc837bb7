package io.dealflow.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.KeycloakTokens;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies called directly, without the gateway: a JSON body over 1 MiB is refused with 413
 * in Spotlight's format before anything is stored, whether its length is declared or it comes
 * chunked; the upload routes take their own, larger limits.
 */
class BodyLimitsIT extends SpotlightService {

  private static final int MB = 1024 * 1024;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aTwentyMegabyteLeadIs413AndStoresNothing() throws Exception {
    long leads = rows("leads");

    HttpResponse<String> refused = postLead(BodyPublishers.ofByteArray(leadOfAbout(20 * MB)));

    assertThat(refused.statusCode()).isEqualTo(413);
    JsonNode error = JSON.readTree(refused.body()).get("errors").get(0);
    assertThat(error.get("status").asString()).isEqualTo("413");
    assertThat(error.get("title").asString()).isEqualTo("Payload Too Large");
    assertThat(error.get("meta").get("max_bytes").asLong()).isEqualTo(MB);
    assertThat(rows("leads")).isEqualTo(leads);
  }

  @Test
  void aChunkedLeadOverTheLimitIs413AndStoresNothing() throws Exception {
    long leads = rows("leads");
    byte[] body = leadOfAbout(2 * MB);

    HttpResponse<String> refused =
        postLead(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(refused.body()).get("errors").get(0).get("status").asString())
        .isEqualTo("413");
    assertThat(rows("leads")).isEqualTo(leads);
  }

  @Test
  void aRecordingOverTheDefaultLimitButWithinItsOwnIsStored() {
    UUID conversation = createConversation(admin(), Map.of("source", "phone_call"));

    Api.Response uploaded =
        admin()
            .upload(
                "/api/v1/conversations/" + conversation + "/audio",
                Map.of("format", "mp3"),
                "audio_file",
                "call.mp3",
                UploadsIT.mp3(3 * MB));

    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    assertThat(uploaded.attributes().get("size").asLong()).isEqualTo(3L * MB);
  }

  /** A valid lead whose notes make the document about this large. */
  private static byte[] leadOfAbout(int size) {
    char[] notes = new char[size];
    Arrays.fill(notes, 'x');
    return ("{\"lead\":{\"name\":\"Big Body\",\"email\":\"big@example.com\","
            + "\"metadata\":{\"notes\":\""
            + new String(notes)
            + "\"}}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private HttpResponse<String> postLead(BodyPublisher body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/leads"))
            .header("Authorization", "Bearer " + KeycloakTokens.demoAdmin())
            .header("Content-Type", "application/json")
            .POST(body)
            .build(),
        BodyHandlers.ofString());
  }
}
