package io.dealflow.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * An organization's long-lived API tokens (Spotlight's "API tokens"), as every service reads them.
 *
 * <p>A token is {@value #PREFIX} followed by 43 characters of URL-safe base64 (256 random bits). It
 * is sent as {@code Authorization: Bearer dfk_...} or in the {@value #HEADER} header. A service
 * turns it into the same kind of {@link Jwt} a user's Keycloak token decodes to, so that every rule
 * written for users (tenancy, the role in the organization, rate limits per subject) applies
 * unchanged: the subject is the token's id, {@code org_id}/{@code org_ids}/{@code org_roles} name
 * its one organization and role, the realm role is that role, and {@link DealflowClaims#TOKEN_USE}
 * says it is an API token. Such a {@code Jwt} never leaves the service: its header says {@code alg:
 * none}, and only its token value (the API token itself) is relayed to other services.
 */
public final class ApiTokens {

  public static final String PREFIX = "dfk_";

  /** The header the Spotlight SDKs' {@code apiKey} travels in. */
  public static final String HEADER = "X-API-Key";

  private static final int SECRET_BYTES = 32;
  private static final int ENCODED_LENGTH = PREFIX.length() + 43;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiTokens() {}

  /** A new token secret. */
  public static String generate() {
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** Whether a credential has an API token's form (not whether it is valid). */
  public static boolean looksLike(@Nullable String credential) {
    if (credential == null
        || credential.length() != ENCODED_LENGTH
        || !credential.startsWith(PREFIX)) {
      return false;
    }
    for (int i = PREFIX.length(); i < credential.length(); i++) {
      char c = credential.charAt(i);
      boolean base64url =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!base64url) {
        return false;
      }
    }
    return true;
  }

  /**
   * What a token is stored and looked up by: the hex SHA-256 of the whole token. The secret has 256
   * random bits, so a plain hash is as strong as a slow one and lets a lookup be one index probe.
   */
  public static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JVM has SHA-256", impossible);
    }
  }

  /** The first characters of a token, enough for a person to tell tokens apart. */
  public static String displayPrefix(String token) {
    return token.substring(0, PREFIX.length() + 6);
  }

  /** Whether a decoded token stands for an API token rather than a user. */
  public static boolean isApiToken(Jwt jwt) {
    return DealflowClaims.API_TOKEN.equals(jwt.getClaimAsString(DealflowClaims.TOKEN_USE));
  }

  /** The token a grant is decoded to (see the class comment). */
  public static Jwt jwt(String token, ApiTokenGrant grant) {
    String org = grant.orgId().toString();
    Jwt.Builder jwt =
        Jwt.withTokenValue(token)
            .header("alg", "none")
            .subject(grant.tokenId().toString())
            .issuedAt(Instant.now())
            .claim(DealflowClaims.TOKEN_USE, DealflowClaims.API_TOKEN)
            .claim(DealflowClaims.TOKEN_NAME, grant.name())
            .claim(DealflowClaims.ORG_ID, org)
            .claim(DealflowClaims.ORG_IDS, List.of(org))
            .claim(DealflowClaims.ORG_ROLES, Map.of(org, grant.role().id()))
            .claim(DealflowClaims.REALM_ACCESS, Map.of("roles", List.of(grant.role().id())));
    if (grant.plan() != null) {
      jwt.claim(DealflowClaims.ORG_PLAN, grant.plan());
    }
    if (grant.expiresAt() != null) {
      jwt.expiresAt(grant.expiresAt());
    }
    return jwt.build();
  }

  /**
   * Decodes an API token with a verifier: completes with its {@link Jwt}, or exceptionally with
   * {@link BadJwtException} (unknown, revoked, past its end: 401; its message never says "expired",
   * which would tell a client to refresh) or {@link ApiTokenUnavailableException} (cannot be told
   * now: 503).
   */
  public static CompletableFuture<Jwt> decode(ApiTokenVerifier verifier, String token) {
    CompletableFuture<Optional<ApiTokenGrant>> grant;
    try {
      grant = verifier.verify(token);
    } catch (RuntimeException failure) {
      grant = CompletableFuture.failedFuture(failure);
    }
    return grant.handle(
        (found, failure) -> {
          if (failure != null) {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            throw cause instanceof ApiTokenUnavailableException unavailable
                ? unavailable
                : new ApiTokenUnavailableException("The API token could not be checked", cause);
          }
          Instant now = Instant.now();
          ApiTokenGrant valid =
              found
                  .filter(g -> !g.expiredAt(now))
                  .orElseThrow(
                      () ->
                          new BadJwtException(
                              "The API token is not valid: unknown, revoked or past its end date"));
          return jwt(token, valid);
        });
  }

  /** A servlet service's decoder: API tokens by the verifier, anything else by {@code others}. */
  public static JwtDecoder decoder(ApiTokenVerifier verifier, JwtDecoder others) {
    return token -> looksLike(token) ? decodeNow(verifier, token) : others.decode(token);
  }

  /** A WebFlux decoder: API tokens by the verifier, anything else by {@code others}. */
  public static ReactiveJwtDecoder reactiveDecoder(
      ApiTokenVerifier verifier, ReactiveJwtDecoder others) {
    return token ->
        looksLike(token) ? Mono.fromFuture(() -> decode(verifier, token)) : others.decode(token);
  }

  /** {@link #decode} for a caller that may block (servlet services). */
  public static Jwt decodeNow(ApiTokenVerifier verifier, String token) {
    try {
      return decode(verifier, token).join();
    } catch (CompletionException failure) {
      if (failure.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw failure;
    }
  }
}
