package io.dealflow.identity.apitoken;

import io.dealflow.identity.organization.Page;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.ApiTokenGrant;
import io.dealflow.platform.security.ApiTokens;
import io.dealflow.platform.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists and revokes an organization's API tokens, and tells what a presented token grants.
 * Who may do so is the controller's part; every method here is scoped by the organization.
 */
@Service
public class ApiTokenRegistry {

  /** How many working tokens an organization may hold at once. */
  public static final int MAX_ACTIVE_PER_ORGANIZATION = 50;

  private static final Logger log = LoggerFactory.getLogger(ApiTokenRegistry.class);

  /** A token just created: the only moment its secret exists outside the caller's hands. */
  public record Issued(ApiToken token, String secret) {}

  private final IssuedTokens tokens;
  private final Clock clock = Clock.systemUTC();

  ApiTokenRegistry(IssuedTokens tokens) {
    this.tokens = tokens;
  }

  /**
   * Creates a token for the organization.
   *
   * @throws ApiException 422 when {@code expiresAt} is not in the future or the organization
   *     already holds {@value #MAX_ACTIVE_PER_ORGANIZATION} working tokens
   */
  @Transactional
  public Issued issue(
      UUID orgId, UUID createdBy, String name, Role role, @Nullable Instant expiresAt) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw ApiException.invalid(
          "api_token.expires_at", "in_past", "Expires at must be in the future");
    }
    tokens.lockOrganization(orgId);
    if (tokens.countActive(orgId, now) >= MAX_ACTIVE_PER_ORGANIZATION) {
      throw ApiException.invalid(
          "api_token",
          "limit_reached",
          "An organization can hold "
              + MAX_ACTIVE_PER_ORGANIZATION
              + " working API tokens; revoke one first");
    }
    String secret = ApiTokens.generate();
    ApiToken token =
        new ApiToken(
            UUID.randomUUID(),
            orgId,
            name,
            role,
            ApiTokens.displayPrefix(secret),
            createdBy,
            now,
            expiresAt,
            null,
            null);
    tokens.insert(token, ApiTokens.hash(secret));
    log.info(
        "API token {} ({}, role {}) created in organization {} by {}",
        token.id(),
        name,
        role.id(),
        orgId,
        createdBy);
    return new Issued(token, secret);
  }

  public Page<ApiToken> list(UUID orgId, int limit, long offset) {
    return new Page<>(tokens.list(orgId, limit, offset), tokens.count(orgId));
  }

  /**
   * @throws ApiException 404 when the organization has no such token
   */
  public ApiToken get(UUID orgId, UUID id) {
    return tokens.find(orgId, id).orElseThrow(() -> ApiException.notFound("API token"));
  }

  /**
   * Revokes the token; revoking it again changes nothing. Every service refuses it within its cache
   * time ({@code dealflow.security.api-tokens.cache-ttl}), identity-service at once.
   *
   * @throws ApiException 404 when the organization has no such token
   */
  @Transactional
  public ApiToken revoke(UUID orgId, UUID id, UUID revokedBy) {
    if (tokens.revoke(orgId, id, clock.instant())) {
      log.info("API token {} revoked in organization {} by {}", id, orgId, revokedBy);
    }
    return get(orgId, id);
  }

  /** What a presented token grants, when it is active; records its use. */
  @Transactional
  public Optional<ApiTokenGrant> verify(String secret) {
    Instant now = clock.instant();
    Optional<IssuedTokens.Found> found =
        tokens.findByHash(ApiTokens.hash(secret)).filter(f -> f.token().activeAt(now));
    found.ifPresent(f -> tokens.touch(f.token().id(), now));
    return found.map(
        f ->
            new ApiTokenGrant(
                f.token().id(),
                f.token().name(),
                f.token().orgId(),
                f.token().role(),
                f.plan(),
                f.token().expiresAt()));
  }
}
