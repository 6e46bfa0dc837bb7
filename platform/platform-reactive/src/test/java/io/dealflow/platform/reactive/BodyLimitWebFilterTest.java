package io.dealflow.platform.reactive;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Body limits on a real WebFlux server: a declared length over the limit is refused before anything
 * is read, a chunked body as soon as it passes the limit, in the path's family format. The paths
 * are public, so the refusal shown is the body limit's, not a missing token's.
 */
@SpringBootTest(
    classes = ProbeApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "dealflow.security.issuer-uri=http://127.0.0.1:9/realms/dealflow",
      "dealflow.api.default-family=vectoros",
      "dealflow.api.families.spotlight=/api/v1/spotlight/**",
      "dealflow.security.public-paths=/api/v1/spotlight/subscriptions,/api/v1/probe/subscriptions",
      "dealflow.api.max-body-size=64KB",
      "dealflow.api.body-limits.large.paths=/api/v1/probe/subscriptions",
      "dealflow.api.body-limits.large.max-size=256KB"
    })
class BodyLimitWebFilterTest {

  private static final int KB = 1024;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @Test
  void aDeclaredLengthOverTheLimitIs413InTheFamilyFormat() throws Exception {
    HttpResponse<String> response =
        post("/api/v1/spotlight/subscriptions", BodyPublishers.ofByteArray(json(65 * KB)));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body())
        .contains("\"status\":\"413\"")
        .contains("\"title\":\"Payload Too Large\"")
        .contains("\"max_bytes\":65536");
  }

  @Test
  void aChunkedBodyIsRefusedOncePastTheLimit() throws Exception {
    HttpResponse<String> response =
        post("/api/v1/spotlight/subscriptions", chunked(json(130 * KB)));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("\"max_bytes\":65536");
  }

  @Test
  void aPathWithItsOwnLimitTakesLargerBodies() throws Exception {
    HttpResponse<String> within = post("/api/v1/probe/subscriptions", chunked(json(200 * KB)));
    HttpResponse<String> beyond = post("/api/v1/probe/subscriptions", chunked(json(260 * KB)));

    assertThat(within.statusCode()).isEqualTo(201);
    assertThat(beyond.statusCode()).isEqualTo(413);
    assertThat(beyond.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
  }

  @Test
  void aSmallBodyPasses() throws Exception {
    HttpResponse<String> response =
        post(
            "/api/v1/spotlight/subscriptions",
            chunked("{\"url\":\"https://example.com/hook\"}".getBytes(StandardCharsets.UTF_8)));

    assertThat(response.statusCode()).isEqualTo(201);
  }

  /** A valid subscription padded with a long field to about this size. */
  private static byte[] json(int size) {
    char[] padding = new char[size];
    Arrays.fill(padding, 'x');
    return ("{\"url\":\"https://example.com/hook\",\"note\":\"" + new String(padding) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A body without a length: the client sends it chunked. */
  private static BodyPublisher chunked(byte[] body) {
    return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
  }

  private HttpResponse<String> post(String path, BodyPublisher body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .POST(body)
            .build(),
        BodyHandlers.ofString());
  }
}
