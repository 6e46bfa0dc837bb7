package io.dealflow.playbook.sailwind;

import io.dealflow.platform.error.ApiException;
import java.util.UUID;

/** Who belongs to an organization, as identity-service knows it. */
public interface OrganizationMembers {

  /**
   * Checks that the user is a member of the organization, asking with the caller's credentials.
   *
   * @param authorization the caller's {@code Authorization} header, passed on as it came
   * @throws ApiException 404 when the user is not a member, 503 when identity-service cannot answer
   *     in time, 502 when it refuses the caller's credentials
   */
  void requireMember(UUID orgId, UUID userId, String authorization);
}
