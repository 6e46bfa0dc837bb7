package io.dealflow.platform.servlet;

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
 * Body limits on a real servlet container: a declared length over the limit is refused before
 * anything is read, a chunked body as soon as it passes the limit, in the path's family format. The
 * paths are public, so the refusal shown is the body limit's, not a missing token's.
 */
@SpringBootTest(
    classes = ProbeApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "dealflow.security.issuer-uri=http://127.0.0.1:9/realms/dealflow",
      "dealflow.api.default-family=vectoros",
      "dealflow.api.families.trainer=/api/v1/auth/**",
      "dealflow.security.public-paths=/api/v1/auth/signup,/api/v1/auth/upload,/api/v1/signup",
      "dealflow.api.max-body-size=64KB",
      "dealflow.api.body-limits.uploads.paths=/api/v1/auth/upload",
      "dealflow.api.body-limits.uploads.max-size=1MB"
    })
class BodyLimitFilterTest {

  private static final int KB = 1024;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @Test
  void aDeclaredLengthOverTheLimitIs413InTheFamilyFormat() throws Exception {
    HttpResponse<String> response =
        post("/api/v1/auth/signup", BodyPublishers.ofByteArray(json(65 * KB)));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body())
        .contains("\"error_code\":\"PAYLOAD_TOO_LARGE\"")
        .contains("larger than 65536 bytes");
  }

  @Test
  void aChunkedBodyIsRefusedOncePastTheLimit() throws Exception {
    HttpResponse<String> response = post("/api/v1/signup", chunked(json(2 * 65 * KB)));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body())
        .contains("\"code\":\"PAYLOAD_TOO_LARGE\"")
        .contains("\"max_bytes\":65536");
  }

  @Test
  void aChunkedRawBodyIsRefusedOncePastItsPathsLimit() throws Exception {
    HttpResponse<String> response = post("/api/v1/auth/upload", chunked(new byte[1024 * KB + 1]));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("larger than 1048576 bytes");
  }

  @Test
  void bodiesWithinTheirLimitsPass() throws Exception {
    byte[] upload = new byte[1024 * KB];
    assertThat(post("/api/v1/auth/upload", chunked(upload)).body())
        .isEqualTo("{\"bytes\":1048576}");
    assertThat(post("/api/v1/auth/upload", BodyPublishers.ofByteArray(upload)).body())
        .isEqualTo("{\"bytes\":1048576}");

    HttpResponse<String> signup =
        post(
            "/api/v1/auth/signup",
            chunked(
                "{\"first_name\":\"Ann\",\"email\":\"ann@example.com\"}"
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(signup.statusCode()).isEqualTo(200);
  }

  /**
   * A signup of about this size, its name padded: the limit is met inside a property the body
   * reader is binding, which wraps what the stream throws into a "malformed body" of its own.
   */
  private static byte[] json(int size) {
    char[] padding = new char[size];
    Arrays.fill(padding, 'x');
    return ("{\"email\":\"ann@example.com\",\"first_name\":\"" + new String(padding) + "\"}")
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
