package io.dealflow.platform.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks identity-service what an API token grants ({@code GET /api/v1/api_tokens/current}, with the
 * token as its bearer), and remembers each answer, valid or not, for {@code cache-ttl}: that is how
 * long a revoked token can still be accepted here. Concurrent checks of one token share one call.
 * The cache is keyed by the token's hash, so the secret is not kept longer than a request.
 */
public final class IdentityApiTokenVerifier implements ApiTokenVerifier {

  /** Where identity-service describes the token a call is made with. */
  public static final String CURRENT_TOKEN_PATH = "/api/v1/api_tokens/current";

  private static final Logger log = LoggerFactory.getLogger(IdentityApiTokenVerifier.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

  private record Entry(CompletableFuture<Optional<ApiTokenGrant>> answer, long expiresAtNanos) {}

  private final URI endpoint;
  private final long ttlNanos;
  private final int maxEntries;
  private final HttpClient http;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<String, Entry> answers = new ConcurrentHashMap<>();

  public IdentityApiTokenVerifier(URI endpoint, Duration cacheTtl, int maxEntries) {
    this.endpoint = endpoint;
    this.ttlNanos = cacheTtl.toNanos();
    this.maxEntries = maxEntries;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /**
   * The verifier of a service: identity-service's address is the property {@code
   * identityUriProperty} ({@code dealflow.services.identity.uri} in services), {@code
   * http://localhost:8101} when unset.
   */
  public static IdentityApiTokenVerifier of(
      SecurityProperties properties, Environment environment, String identityUriProperty) {
    return of(
        properties.apiTokens(),
        environment.getProperty(identityUriProperty, "http://localhost:8101"));
  }

  /** The verifier a service builds from its settings and identity-service's base URI. */
  public static IdentityApiTokenVerifier of(
      SecurityProperties.ApiTokenSettings settings, String identityBaseUri) {
    URI endpoint =
        settings.introspectionUri() != null
            ? settings.introspectionUri()
            : URI.create(identityBaseUri.replaceAll("/+$", "") + CURRENT_TOKEN_PATH);
    return new IdentityApiTokenVerifier(endpoint, settings.cacheTtl(), settings.cacheSize());
  }

  @Override
  public CompletableFuture<Optional<ApiTokenGrant>> verify(String token) {
    String key = ApiTokens.hash(token);
    long now = System.nanoTime();
    Entry cached = answers.get(key);
    if (cached != null && now - cached.expiresAtNanos() < 0) {
      return cached.answer();
    }
    if (answers.size() >= maxEntries) {
      evict(now);
    }
    Entry[] asked = new Entry[1];
    Entry entry =
        answers.compute(
            key,
            (k, present) ->
                present != null && now - present.expiresAtNanos() < 0
                    ? present
                    : (asked[0] = new Entry(ask(token), now + ttlNanos)));
    if (entry == asked[0]) {
      // A failed call is not remembered: the next request asks again.
      entry.answer().whenComplete((grant, failure) -> forgetIfFailed(key, entry, failure));
    }
    return entry.answer();
  }

  private void forgetIfFailed(String key, Entry entry, @Nullable Throwable failure) {
    if (failure != null) {
      answers.remove(key, entry);
    }
  }

  private void evict(long now) {
    answers.values().removeIf(entry -> now - entry.expiresAtNanos() >= 0);
    Iterator<String> keys = answers.keySet().iterator();
    while (answers.size() >= maxEntries && keys.hasNext()) {
      keys.next();
      keys.remove();
    }
  }

  private CompletableFuture<Optional<ApiTokenGrant>> ask(String token) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .GET()
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .handle(
            (response, failure) -> {
              if (failure != null) {
                log.warn(
                    "API token check: identity-service at {} did not answer: {}",
                    endpoint,
                    failure.toString());
                throw new ApiTokenUnavailableException(
                    "identity-service did not answer the API token check", failure);
              }
              int status = response.statusCode();
              if (status == 200) {
                return Optional.of(grant(response.body()));
              }
              if (status == 401 || status == 403 || status == 404) {
                return Optional.empty();
              }
              log.warn("API token check: identity-service at {} answered {}", endpoint, status);
              throw new ApiTokenUnavailableException(
                  "identity-service answered " + status + " to the API token check",
                  new IOException("HTTP " + status));
            });
  }

  private ApiTokenGrant grant(byte[] body) {
    JsonNode data = json.readTree(body).path("data");
    JsonNode attributes = data.path("attributes");
    String role = attributes.path("role").asString();
    return new ApiTokenGrant(
        UUID.fromString(data.path("id").asString()),
        attributes.path("name").asString(),
        UUID.fromString(attributes.path("organization_id").asString()),
        Role.fromId(role)
            .orElseThrow(() -> new IllegalStateException("unknown role in API token: " + role)),
        text(attributes.path("plan")),
        instant(attributes.path("expires_at")));
  }

  private static @Nullable String text(JsonNode node) {
    return node.isString() ? node.asString() : null;
  }

  private static @Nullable Instant instant(JsonNode node) {
    return node.isString() ? Instant.parse(node.asString()) : null;
  }
}
