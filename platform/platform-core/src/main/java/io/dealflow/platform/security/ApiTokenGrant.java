package io.dealflow.platform.security;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a valid API token grants: one role in one organization, until it expires or is revoked.
 *
 * @param tokenId the token's id; it is the subject of every call made with it, so limits and audit
 *     trails count per token
 * @param name the name its admin gave it
 * @param orgId the organization it acts for
 * @param role its role there
 * @param plan the organization's plan tier, when known
 * @param expiresAt when it stops being accepted; null when it does not expire
 */
public record ApiTokenGrant(
    UUID tokenId,
    String name,
    UUID orgId,
    Role role,
    @Nullable String plan,
    @Nullable Instant expiresAt) {

  public ApiTokenGrant {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(role, "role");
  }

  public boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }
}
