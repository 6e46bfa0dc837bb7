package io.dealflow.identity.apitoken;

import io.dealflow.platform.security.Role;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An organization's API token as its admins see it; the secret itself is never stored.
 *
 * @param id its id, the subject of the calls made with it
 * @param orgId the organization it acts for
 * @param name what its admin called it
 * @param role the role it has in the organization
 * @param prefix its first characters, to tell tokens apart
 * @param createdBy the admin who created it
 * @param createdAt when
 * @param expiresAt when it stops being accepted; null for never
 * @param lastUsedAt when a call last used it (to the minute); null if never
 * @param revokedAt when an admin revoked it; null while it is not
 */
public record ApiToken(
    UUID id,
    UUID orgId,
    String name,
    Role role,
    String prefix,
    UUID createdBy,
    Instant createdAt,
    @Nullable Instant expiresAt,
    @Nullable Instant lastUsedAt,
    @Nullable Instant revokedAt) {

  /** Whether a call made with it at {@code now} is accepted. */
  public boolean activeAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }
}
