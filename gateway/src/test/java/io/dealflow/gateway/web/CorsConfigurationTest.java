package io.dealflow.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.cors.CorsConfiguration;

/** Outside {@code dev}, only the configured origins may call the API from a browser. */
class CorsConfigurationTest {

  private final CorsProperties cors =
      new CorsProperties(
          List.of("https://app.dealflow.example"), List.of("GET", "POST"), Duration.ofHours(1));

  @Test
  void outsideDevOnlyConfiguredOriginsAreAllowed() {
    CorsConfiguration config = configuration(new MockEnvironment());

    assertThat(config.checkOrigin("https://app.dealflow.example"))
        .isEqualTo("https://app.dealflow.example");
    assertThat(config.checkOrigin("https://evil.example")).isNull();
    assertThat(config.getExposedHeaders()).contains("X-Request-Id", "X-RateLimit-Remaining");
  }

  @Test
  void underDevEveryOriginIsAllowed() {
    MockEnvironment dev = new MockEnvironment();
    dev.setActiveProfiles("dev");

    assertThat(configuration(dev).checkOrigin("http://localhost:5173"))
        .isEqualTo("http://localhost:5173");
  }

  private CorsConfiguration configuration(MockEnvironment environment) {
    return new WebConfiguration()
        .corsConfigurationSource(cors, environment)
        .getCorsConfiguration(MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1")));
  }
}
