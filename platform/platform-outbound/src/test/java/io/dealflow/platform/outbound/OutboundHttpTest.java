package io.dealflow.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client connects to the addresses the guard checked, never to another answer of the DNS: a
 * receiver on loopback stands for the internal service that a rebinding name would point at.
 */
class OutboundHttpTest {

  /** TEST-NET-3: public for the guard, routed nowhere, so a connection there times out. */
  private static final String PUBLIC = "203.0.113.10";

  private HttpServer internal;
  private final List<String> hostHeaders = new CopyOnWriteArrayList<>();

  @BeforeEach
  void internalService() throws IOException {
    internal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    internal.createContext(
        "/",
        exchange -> {
          hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
          byte[] body = "internal".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    internal.start();
  }

  @AfterEach
  void stop() {
    internal.stop(0);
  }

  @Test
  void aNameThatResolvesToAPrivateAddressIsRefusedAtSendTime() throws Exception {
    OutboundTargets targets =
        new OutboundTargets(
            false, OutboundTargetsTest.table(java.util.Map.of("hook.example", "127.0.0.1")));

    try (CloseableHttpClient http = client(targets)) {
      assertThatThrownBy(() -> get(http, "http://hook.example:" + port() + "/"))
          .isInstanceOf(TargetRefusedException.class)
          .hasMessageContaining("internal address");
    }
    assertThat(hostHeaders).isEmpty();
  }

  @Test
  void aNameThatAnsweredPublicWhenCheckedAndPrivateWhenSentNeverReachesThePrivateAddress()
      throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    HostResolver rebinding =
        host ->
            new InetAddress[] {
              InetAddress.getByName(lookups.getAndIncrement() == 0 ? PUBLIC : "127.0.0.1")
            };
    OutboundTargets targets = new OutboundTargets(false, rebinding);
    URI url = URI.create("http://rebind.example:" + port() + "/");

    targets.check(url);
    try (CloseableHttpClient http = client(targets)) {
      assertThatThrownBy(() -> get(http, url.toString()))
          .isInstanceOf(TargetRefusedException.class);
    }
    assertThat(hostHeaders).as("the internal service was never called").isEmpty();
  }

  @Test
  void theConnectionGoesToTheAddressOfTheCheckThatAnsweredPublicNotToALaterAnswer()
      throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    HostResolver rebinding =
        host ->
            new InetAddress[] {
              InetAddress.getByName(lookups.getAndIncrement() == 0 ? PUBLIC : "127.0.0.1")
            };
    OutboundTargets targets = new OutboundTargets(false, rebinding);

    try (CloseableHttpClient http = client(targets)) {
      assertThatThrownBy(() -> get(http, "http://rebind.example:" + port() + "/"))
          .isInstanceOf(IOException.class)
          .isNotInstanceOf(UnknownHostException.class);
    }
    assertThat(lookups).as("one resolution per connection").hasValue(1);
    assertThat(hostHeaders).as("the internal service was never called").isEmpty();
  }

  @Test
  void allowedPrivateTargetsAreCalledWithTheOriginalHostHeader() throws Exception {
    OutboundTargets targets =
        new OutboundTargets(
            true, OutboundTargetsTest.table(java.util.Map.of("dev.example", "127.0.0.1")));

    try (CloseableHttpClient http = client(targets)) {
      assertThat(get(http, "http://dev.example:" + port() + "/")).isEqualTo("internal");
    }
    assertThat(hostHeaders).containsExactly("dev.example:" + port());
  }

  @Test
  void loopbackByTheSystemResolverWorksWhenAllowed() throws Exception {
    try (CloseableHttpClient http = client(new OutboundTargets(true))) {
      assertThat(get(http, "http://localhost:" + port() + "/")).isEqualTo("internal");
    }
  }

  private int port() {
    return internal.getAddress().getPort();
  }

  private static CloseableHttpClient client(OutboundTargets targets) {
    return OutboundHttp.client(targets, Duration.ofMillis(500), Duration.ofSeconds(2), 2);
  }

  private static String get(CloseableHttpClient http, String url) throws IOException {
    return http.execute(new HttpGet(url), response -> EntityUtils.toString(response.getEntity()));
  }
}
