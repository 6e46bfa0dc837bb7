package io.dealflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Devstack;
import io.dealflow.gateway.route.Backend;
import io.dealflow.platform.request.RequestIds;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The gateway as it runs, on a random port (its management port too), in front of the {@link
 * Backends}, with Keycloak from devstack; which Redis it uses is the subclass's choice ({@link
 * GatewayTestBase}: the real one). Its rate-limit keys live under a prefix of their own, fresh for
 * every run.
 *
 * <p>The test client connects from the loopback address, which the tests configure as a trusted
 * proxy: a test picks its client address with {@code X-Forwarded-For} ({@link #newClientIp()}), so
 * that per-address limits of one test never count requests of another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
public abstract class RunningGateway {

  /** Tokens must expire on time: KeycloakTokens' short-lived tokens live two seconds. */
  static final String CLOCK_SKEW = "0s";

  /** How long insights-service may take; its {@code /slow} paths take longer. */
  static final String INSIGHTS_TIMEOUT = "1s";

  private static final AtomicInteger CLIENTS = new AtomicInteger();

  @LocalServerPort protected int port;

  /** The actuator's port: the tests give it a random one. */
  @LocalManagementPort protected int managementPort;

  /**
   * A client of the running gateway that opens a connection per request. With a pool, every answer
   * a test does not read to its end (a status or header check leaves the body) keeps its pooled
   * connection, and after enough of them in the shared context a later request waited for a free
   * connection until it timed out.
   */
  protected WebTestClient client;

  @BeforeEach
  void connect() {
    client =
        WebTestClient.bindToServer(
                new ReactorClientHttpConnector(
                    HttpClient.create(ConnectionProvider.newConnection())))
            .baseUrl("http://localhost:" + port)
            // Generous: the first request of a context, on a loaded 2-core machine, may take
            // seconds.
            .responseTimeout(Duration.ofSeconds(30))
            .build();
  }

  /** Everything but Redis: Keycloak, the stand-in services, the rate-limit prefix, the ports. */
  static void gateway(DynamicPropertyRegistry registry) {
    registry.add(
        "dealflow.gateway.rate-limit.key-prefix", () -> "test:gateway:" + UUID.randomUUID() + ":");
    registry.add("dealflow.security.issuer-uri", () -> Devstack.keycloak().issuerUri());
    registry.add("dealflow.security.jwk-set-uri", () -> Devstack.keycloak().jwkSetUri());
    registry.add("dealflow.security.clock-skew", () -> CLOCK_SKEW);
    registry.add("dealflow.gateway.trusted-proxies", () -> "127.0.0.1,::1");
    // The dev profile switches dev_token on; these tests prove it is refused when it is off.
    registry.add("dealflow.security.dev-token.enabled", () -> "false");
    for (Backend backend : Backend.values()) {
      registry.add(
          "dealflow.gateway.services." + backend.id() + ".uri",
          () -> Backends.get().uri(backend).toString());
      registry.add(
          "dealflow.gateway.services." + backend.id() + ".management-uri",
          () -> Backends.get().managementUri(backend).toString());
    }
    registry.add("management.server.port", () -> "0");
    registry.add("dealflow.gateway.services.insights.timeout", () -> INSIGHTS_TIMEOUT);
  }

  protected static void assertSecurityHeaders(HttpHeaders headers) {
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(headers.get("X-XSS-Protection")).containsExactly("1; mode=block");
    assertThat(headers.getFirst("Strict-Transport-Security"))
        .isEqualTo("max-age=31536000; includeSubDomains");
    assertThat(headers.getFirst(RequestIds.HEADER)).isNotBlank();
  }

  /** A client address, from the benchmarking range 198.18.0.0/15, that no other test uses. */
  protected static String newClientIp() {
    int n = CLIENTS.getAndIncrement();
    return "198.18." + (n / 254) % 256 + "." + (n % 254 + 1);
  }
}
