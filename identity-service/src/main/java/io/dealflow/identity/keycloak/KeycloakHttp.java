package io.dealflow.identity.keycloak;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ErrorKind;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The HTTP side of the adapter: one client with timeouts, the service account's token (cached until
 * shortly before it expires), and the translation of Keycloak being down or refusing our own
 * credentials into errors a caller can act on.
 */
@Component
class KeycloakHttp {

  private static final Logger log = LoggerFactory.getLogger(KeycloakHttp.class);

  private final RestClient client;
  private final KeycloakProperties properties;
  private final Clock clock;

  private final ReentrantLock adminTokenLock = new ReentrantLock();
  private @Nullable String adminToken;
  private Instant adminTokenRenewAt = Instant.MIN;

  KeycloakHttp(RestClient.Builder builder, KeycloakProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    HttpClientSettings settings =
        HttpClientSettings.defaults()
            .withTimeouts(properties.connectTimeout(), properties.readTimeout());
    this.client =
        builder
            .clone()
            .baseUrl(properties.url().toString().replaceAll("/+$", ""))
            .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings))
            .build();
  }

  RestClient client() {
    return client;
  }

  String tokenPath() {
    return properties.realmPath() + "/protocol/openid-connect/token";
  }

  String logoutPath() {
    return properties.realmPath() + "/protocol/openid-connect/logout";
  }

  String adminPath() {
    return properties.adminPath();
  }

  /** A form carrying this client's credentials, as the token and logout endpoints expect. */
  MultiValueMap<String, String> clientForm() {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("client_id", properties.clientId());
    form.add("client_secret", properties.clientSecret());
    return form;
  }

  /**
   * The service account's bearer token for the admin API. A lock rather than {@code synchronized}:
   * the renewal blocks on I/O, which must not pin a virtual thread's carrier on Java 21.
   */
  String adminBearer() {
    adminTokenLock.lock();
    try {
      return "Bearer " + currentAdminToken();
    } finally {
      adminTokenLock.unlock();
    }
  }

  private String currentAdminToken() {
    Instant now = clock.instant();
    if (adminToken == null || now.isAfter(adminTokenRenewAt)) {
      MultiValueMap<String, String> form = clientForm();
      form.add("grant_type", "client_credentials");
      TokenResponse token;
      try {
        token =
            call(
                "service-account token",
                () ->
                    client
                        .post()
                        .uri(tokenPath())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(form)
                        .retrieve()
                        .body(TokenResponse.class));
      } catch (HttpClientErrorException e) {
        oauthError(e);
        throw providerError("Keycloak refused the service-account token: " + e.getStatusCode());
      }
      if (token == null || token.accessToken() == null) {
        throw providerError("Keycloak returned no service-account token");
      }
      adminToken = token.accessToken();
      adminTokenRenewAt = now.plusSeconds(token.expiresIn()).minus(properties.adminTokenMargin());
    }
    return Objects.requireNonNull(adminToken);
  }

  /**
   * Runs a call to Keycloak. Being unreachable or failing (5xx) becomes 503; client errors reach
   * the caller, which knows what they mean for its request.
   */
  <T> T call(String what, Supplier<T> request) {
    try {
      return request.get();
    } catch (ResourceAccessException e) {
      log.warn("Keycloak unreachable during {}: {}", what, e.getMessage());
      throw unavailable();
    } catch (HttpServerErrorException e) {
      log.warn("Keycloak failed during {} with {}", what, e.getStatusCode());
      throw unavailable();
    }
  }

  /**
   * Runs a call to the admin API. Besides what {@link #call} does, Keycloak refusing the service
   * account is a misconfiguration of the deployment, not the caller's fault: 502.
   */
  <T> T admin(String what, Supplier<T> request) {
    return call(
        what,
        () -> {
          try {
            return request.get();
          } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.UNAUTHORIZED) {
              forgetAdminToken();
              log.error("Keycloak refused the service-account token during {}", what);
              throw providerError("The identity provider refused this service's credentials");
            }
            if (e.getStatusCode() == HttpStatus.FORBIDDEN) {
              log.error(
                  "Keycloak denied the service account during {}: check its realm-management"
                      + " roles",
                  what);
              throw providerError("The identity provider denied this service's request");
            }
            throw e;
          }
        });
  }

  void run(String what, Runnable request) {
    call(
        what,
        () -> {
          request.run();
          return Boolean.TRUE;
        });
  }

  void adminRun(String what, Runnable request) {
    admin(
        what,
        () -> {
          request.run();
          return Boolean.TRUE;
        });
  }

  /** The OAuth2 error in a refused token-endpoint call; a refused client secret is ours to fix. */
  OAuthError oauthError(HttpClientErrorException e) {
    OAuthError error;
    try {
      error = e.getResponseBodyAs(OAuthError.class);
    } catch (RuntimeException unreadable) {
      error = null;
    }
    if (error == null) {
      error = new OAuthError(null, null);
    }
    if ("invalid_client".equals(error.error()) || "unauthorized_client".equals(error.error())) {
      log.error("Keycloak refused identity-service's client credentials: {}", error.error());
      throw providerError("The identity provider refused this service's credentials");
    }
    return error;
  }

  private void forgetAdminToken() {
    adminTokenLock.lock();
    try {
      adminToken = null;
    } finally {
      adminTokenLock.unlock();
    }
  }

  static ApiException unavailable() {
    return new ApiException(
        ApiError.of(ErrorKind.UNAVAILABLE, "The identity provider is unavailable, try again later")
            .withCode("IDENTITY_PROVIDER_UNAVAILABLE"));
  }

  static ApiException providerError(String message) {
    return new ApiException(
        ApiError.of(ErrorKind.BAD_GATEWAY, message).withCode("IDENTITY_PROVIDER_ERROR"));
  }

  /** The token endpoint's answer; only the fields identity-service uses. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record TokenResponse(
      @JsonProperty("access_token") @Nullable String accessToken,
      @JsonProperty("refresh_token") @Nullable String refreshToken,
      @JsonProperty("expires_in") long expiresIn,
      @JsonProperty("refresh_expires_in") long refreshExpiresIn) {}

  /** An OAuth2 error body, e.g. {@code {"error":"invalid_grant", ...}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record OAuthError(
      @Nullable String error, @JsonProperty("error_description") @Nullable String description) {}
}
