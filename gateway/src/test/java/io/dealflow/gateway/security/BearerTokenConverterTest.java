package io.dealflow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

class BearerTokenConverterTest {

  private static final String JWT =
      "eyJhbGciOiJSUzI1NiIsImtpZCI6ImEifQ.eyJzdWIiOiJyZXAifQ.c2lnbmF0dXJlLWJ5dGVz_-~+/";

  static Stream<String> authorizationHeaders() {
    return Stream.of(
        "Bearer " + JWT,
        "bearer " + JWT,
        "BEARER " + JWT,
        "Bearer " + JWT + "==",
        "Bearer abc=",
        "Bearer",
        "Bearer ",
        "Bearer  " + JWT,
        "Bearer " + JWT + " ",
        "Bearer\t" + JWT,
        "Bearer=" + JWT,
        "BearerX" + JWT,
        "Bearer ===",
        "Bearer a=b",
        "Bearer a=b=",
        "Bearer " + JWT + "\n",
        "Bearer " + JWT + "%",
        "Bearer " + JWT + "é",
        "Bearer abc,def",
        "Basic dXNlcjpwYXNz",
        "Token " + JWT,
        "",
        " Bearer " + JWT);
  }

  @ParameterizedTest
  @MethodSource("authorizationHeaders")
  void readsAHeaderExactlyAsSpringSecurityDoes(String authorization) {
    Outcome expected = outcome(new ServerBearerTokenAuthenticationConverter(), authorization);
    Outcome actual =
        outcome(
            new BearerTokenConverter(ServerWebExchangeMatchers.pathMatchers("/public")),
            authorization);

    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("authorizationHeaders")
  void aPublicPathsTokenIsNotRead(String authorization) {
    assertThat(
            outcome(
                new BearerTokenConverter(ServerWebExchangeMatchers.pathMatchers("/api/v1/leads")),
                authorization))
        .isEqualTo(new Outcome(Optional.empty(), null));
  }

  @Test
  void noHeaderNoToken() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/leads"));

    assertThat(
            new BearerTokenConverter(ServerWebExchangeMatchers.pathMatchers("/public"))
                .convert(exchange)
                .blockOptional())
        .isEmpty();
  }

  @Test
  void withoutABearerTokenAnApiKeyHeaderIsRead() {
    String apiToken = "dfk_" + "Ab-_".repeat(10) + "xyz";
    BearerTokenConverter converter =
        new BearerTokenConverter(ServerWebExchangeMatchers.pathMatchers("/public"));

    assertThat(apiKeyOutcome(converter, apiToken, null))
        .isEqualTo(new Outcome(Optional.of(apiToken), null));
    assertThat(apiKeyOutcome(converter, " " + apiToken + " ", null))
        .isEqualTo(new Outcome(Optional.of(apiToken), null));
    // A bearer token wins over the header.
    assertThat(apiKeyOutcome(converter, apiToken, "Bearer " + JWT))
        .isEqualTo(new Outcome(Optional.of(JWT), null));
    assertThat(apiKeyOutcome(converter, "not-a-token", null).error())
        .startsWith("invalid_token: The X-API-Key header");
  }

  private static Outcome apiKeyOutcome(
      ServerAuthenticationConverter converter, String apiKey, String authorization) {
    MockServerHttpRequest.BaseBuilder<?> request =
        MockServerHttpRequest.get("/api/v1/leads").header("X-API-Key", apiKey);
    if (authorization != null) {
      request.header(HttpHeaders.AUTHORIZATION, authorization);
    }
    try {
      Optional<Authentication> read =
          converter.convert(MockServerWebExchange.from(request)).blockOptional();
      return new Outcome(read.map(a -> ((BearerTokenAuthenticationToken) a).getToken()), null);
    } catch (OAuth2AuthenticationException refused) {
      return new Outcome(
          Optional.empty(),
          refused.getError().getErrorCode() + ": " + refused.getError().getDescription());
    }
  }

  /** The token read, or the OAuth error code and description of the refusal. */
  record Outcome(Optional<String> token, String error) {}

  private static Outcome outcome(ServerAuthenticationConverter converter, String authorization) {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.get("/api/v1/leads")
                .header(HttpHeaders.AUTHORIZATION, authorization));
    try {
      Optional<Authentication> read = converter.convert(exchange).blockOptional();
      return new Outcome(read.map(a -> ((BearerTokenAuthenticationToken) a).getToken()), null);
    } catch (OAuth2AuthenticationException refused) {
      return new Outcome(
          Optional.empty(),
          refused.getError().getErrorCode() + ": " + refused.getError().getDescription());
    }
  }
}
